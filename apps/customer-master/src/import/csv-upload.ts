import { IncomingHttpHeaders } from 'node:http';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from './import-errors';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 1_000_000;

/** Refuses a body that is not CSV, or announces more bytes than an import may have, before reading it. */
export function requireCsvUpload(headers: IncomingHttpHeaders): void {
  const mediaType = headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (mediaType !== 'text/csv') {
    throw new UnsupportedMediaTypeError(
      `Send the file as text/csv, not ${mediaType ?? 'without a content type'}`,
    );
  }
  if (Number(headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) {
    throw new PayloadTooLargeError(`An import file may have at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  }
}
