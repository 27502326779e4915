export * from './csv-record.reader';
export * from './csv-upload';
export * from './upload-errors';
export * from './byte-limit.transform';
export * from './csv-line';
export * from './csv-file';
