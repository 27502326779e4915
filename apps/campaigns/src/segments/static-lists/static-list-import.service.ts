import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { CsvRecordReader, CsvRow, PayloadTooLargeError } from '@crm/http';
import { Segment } from '../segment';
import { SegmentRepository } from '../segment.repository';
import { SegmentService } from '../segment.service';
import { StaticListRepository } from './static-list.repository';
import {
  CustomerKey,
  customerKeyOf,
  RejectedRow,
  STATIC_LIST_CSV,
  StaticListColumn,
} from './static-list-row';
import { StaticListMatcher } from './static-list-matcher';

export const MAX_STATIC_LIST_BYTES = 20 * 1024 * 1024;
export const MAX_STATIC_LIST_ROWS = 100_000;
/** Rows matched against the replica per query. */
const MATCH_BATCH = 1000;

export interface StaticListUpload {
  name: string;
  body: Readable;
  createdBy: string;
}

export interface StaticListImport {
  segment: Segment;
  totalRows: number;
  imported: number;
  rejected: RejectedRow[];
}

/**
 * A static segment from a file of customer ids, phones or emails: every row is matched against the replica,
 * and the segment with its members is written only once the whole file is read, so a bad file leaves nothing.
 */
@Injectable()
export class StaticListImportService {
  constructor(
    private readonly segments: SegmentService,
    private readonly segmentRows: SegmentRepository,
    private readonly lists: StaticListRepository,
    private readonly dataSource: DataSource,
  ) {}

  async import(upload: StaticListUpload): Promise<StaticListImport> {
    const reader = new CsvRecordReader(upload.body, STATIC_LIST_CSV, MAX_STATIC_LIST_BYTES);
    try {
      await reader.readHeader();
      const matcher = new StaticListMatcher();
      let totalRows = 0;
      for await (const batch of batches(reader.rows(), MATCH_BATCH)) {
        totalRows += batch.length;
        if (totalRows > MAX_STATIC_LIST_ROWS)
          throw new PayloadTooLargeError(`A static list may have at most ${MAX_STATIC_LIST_ROWS} rows`);
        await this.matchBatch(matcher, batch);
      }
      const segment = await this.save(upload, matcher.members());
      return { segment, totalRows, imported: matcher.members().length, rejected: matcher.rejected() };
    } catch (error) {
      reader.discardRest();
      throw error;
    }
  }

  private async matchBatch(matcher: StaticListMatcher, rows: CsvRow<StaticListColumn>[]): Promise<void> {
    const keyed = rows.map((row) => ({ line: row.line, key: customerKeyOf(row) }));
    const keys = keyed.map((row) => row.key).filter((key): key is CustomerKey => 'by' in key);
    const valuesBy = (by: CustomerKey['by']) => keys.filter((key) => key.by === by).map((key) => key.value);
    const matches = await this.lists.match(
      this.dataSource.manager,
      valuesBy('id'),
      valuesBy('phone'),
      valuesBy('email'),
    );
    for (const row of keyed) matcher.accept(row.line, row.key, matches);
  }

  private async save(upload: StaticListUpload, customerIds: string[]): Promise<Segment> {
    const segment = this.segments.newSegment('static', upload.name, upload.createdBy);
    await this.dataSource.transaction(async (tx) => {
      await this.segmentRows.insert(tx, segment);
      for (let from = 0; from < customerIds.length; from += 10_000)
        await this.lists.addMembers(tx, segment.id, customerIds.slice(from, from + 10_000));
    });
    return segment;
  }
}

async function* batches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
