import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';

// Excel reads a CSV without a byte order mark in the machine's code page and garbles Chinese.
const BOM = '\uFEFF';

async function* withBom(lines: AsyncIterable<string>): AsyncGenerator<string> {
  yield BOM;
  yield* lines;
}

/** Streams CSV lines as a UTF-8 download named `filename`, the byte order mark first. */
export function csvFile(lines: AsyncIterable<string>, filename: string): StreamableFile {
  return new StreamableFile(Readable.from(withBom(lines)), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${filename}"`,
  });
}
