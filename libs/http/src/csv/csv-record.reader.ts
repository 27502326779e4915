import { Readable } from 'node:stream';
import { CsvError, parse, Parser } from 'csv-parse';
import { InvalidInputError } from '@crm/core';
import { ByteLimitTransform } from './byte-limit.transform';

/** A single row above this is not business data; it stops a file without line breaks from filling memory. */
const MAX_RECORD_BYTES = 64 * 1024;

/** The columns an upload's rows are read by (others are ignored), and what its header must have. */
export interface CsvColumns<C extends string> {
  known: readonly C[];
  /** What the header (lower-cased names) lacks, in words, or null when it will do. */
  headerProblem(header: string[]): string | null;
}

/** One data row of an upload: its line number and its cells by column name (blank cells absent). */
export interface CsvRow<C extends string> {
  line: number;
  cells: Partial<Record<C, string>>;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** Every column is required: the header lacks whichever are missing. */
export function requireAllColumns<C extends string>(known: readonly C[]): CsvColumns<C> {
  return {
    known,
    headerProblem: (header) => {
      const present = new Set(header);
      const missing = known.filter((column) => !present.has(column));
      return missing.length > 0 ? `missing columns: ${missing.join(', ')}` : null;
    },
  };
}

/** Reads an uploaded CSV record by record from a stream, so the file is never held in memory whole. */
export class CsvRecordReader<C extends string> {
  private readonly limiter: ByteLimitTransform;
  private readonly parser: Parser;
  private readonly records: AsyncIterator<ParsedRecord>;
  private header: string[] = [];

  constructor(
    private readonly source: Readable,
    private readonly columns: CsvColumns<C>,
    maxBytes: number,
  ) {
    this.limiter = new ByteLimitTransform(maxBytes);
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

  /** Reads the header row; answers 400 saying what it lacks. */
  async readHeader(): Promise<void> {
    const first = await this.next();
    if (!first)
      throw new InvalidInputError([
        { field: 'header', message: 'the file is empty; a header row is required' },
      ]);
    this.header = first.record.map((name) => name.trim().toLowerCase());
    const problem = this.columns.headerProblem(this.header);
    if (problem) throw new InvalidInputError([{ field: 'header', message: problem }]);
  }

  async *rows(): AsyncGenerator<CsvRow<C>> {
    const known = new Set<string>(this.columns.known);
    for (let parsed = await this.next(); parsed; parsed = await this.next()) {
      const cells: CsvRow<C>['cells'] = {};
      parsed.record.forEach((value, i) => {
        if (value !== '' && known.has(this.header[i])) cells[this.header[i] as C] = value;
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
