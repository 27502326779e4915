export * from './problem-details.filter';
export * from './validation.pipe';
export * from './page.dto';
export * from './uuid.pipe';
export * from './geo-point.dto';
export * from './search-query.dto';
