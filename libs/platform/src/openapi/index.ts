export * from './api-document';
export * from './problem-responses';
export * from './problem.schema';
