import { IncomingHttpHeaders } from 'node:http';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from './upload-errors';

/** Refuses a body that is not CSV, or announces more bytes than the upload may have, before reading it. */
export function requireCsvUpload(headers: IncomingHttpHeaders, maxBytes: number): void {
  const mediaType = headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (mediaType !== 'text/csv') {
    throw new UnsupportedMediaTypeError(
      `Send the file as text/csv, not ${mediaType ?? 'without a content type'}`,
    );
  }
  if (Number(headers['content-length'] ?? 0) > maxBytes) {
    throw new PayloadTooLargeError(`The file may have at most ${describeBytes(maxBytes)}`);
  }
}

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}
