export * from './problem-details.filter';
export * from './validation.pipe';
export * from './page.dto';
export * from './uuid.pipe';
