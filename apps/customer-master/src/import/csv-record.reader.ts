import { Readable } from 'node:stream';
import { CsvError, parse, Parser } from 'csv-parse';
import { InvalidInputError } from '@crm/core';
import { ByteLimitTransform } from './byte-limit.transform';
import { MAX_UPLOAD_BYTES } from './csv-upload';
import { CsvRow, ImportColumn, missingColumns } from './import-columns';

/** A single row above this is not customer data; it stops a file without line breaks from filling memory. */
const MAX_RECORD_BYTES = 64 * 1024;

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** Reads an import file record by record from a stream, so the file is never held in memory whole. */
export class CsvRecordReader {
  private readonly limiter = new ByteLimitTransform(MAX_UPLOAD_BYTES);
  private readonly parser: Parser;
  private readonly records: AsyncIterator<ParsedRecord>;
  private header: string[] = [];

  constructor(private readonly source: Readable) {
    this.parser = parse({
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: MAX_RECORD_BYTES,
    });
    source.on('error', (error) => this.parser.destroy(error));
    this.limiter.on('error', (error) => this.parser.destroy(error));
    this.records = source.pipe(this.limiter).pipe(this.parser)[Symbol.asyncIterator]();
  }

  /** Reads the header row; answers 400 naming every required column it lacks. */
  async readHeader(): Promise<void> {
    const first = await this.next();
    if (!first)
      throw new InvalidInputError([
        { field: 'header', message: 'the file is empty; a header row is required' },
      ]);
    this.header = first.record.map((name) => name.trim().toLowerCase());
    const missing = missingColumns(this.header);
    if (missing.length > 0) {
      throw new InvalidInputError([{ field: 'header', message: `missing columns: ${missing.join(', ')}` }]);
    }
  }

  async *rows(): AsyncGenerator<CsvRow> {
    for (let parsed = await this.next(); parsed; parsed = await this.next()) {
      const cells: CsvRow['cells'] = {};
      parsed.record.forEach((value, i) => {
        if (value !== '' && this.header[i]) cells[this.header[i] as ImportColumn] = value;
      });
      yield { line: parsed.info.lines, cells };
    }
  }

  /** Stops parsing and lets the rest of the upload drain, so the answer still reaches the client. */
  discardRest(): void {
    this.source.unpipe(this.limiter);
    this.source.resume();
  }

  private async next(): Promise<ParsedRecord | null> {
    try {
      const result = await this.records.next();
      return result.done ? null : result.value;
    } catch (error) {
      if (error instanceof CsvError) throw new InvalidInputError([{ field: 'body', message: error.message }]);
      throw error;
    }
  }
}
