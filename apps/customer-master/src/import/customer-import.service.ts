import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { Clock, DomainError, IdGenerator, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { CsvRecordReader } from './csv-record.reader';
import { MAX_IMPORT_ROWS } from './csv-upload';
import { CsvRow } from './import-columns';
import { PayloadTooLargeError } from './import-errors';
import { ImportJob, ImportTally } from './import-job';
import { ImportJobRepository } from './import-job.repository';
import { ImportRowWriter } from './import-row.writer';

/** Rows per transaction: large enough to be fast, small enough that progress shows and locks stay short. */
const BATCH_SIZE = 200;

export interface CsvUpload {
  body: Readable;
  fileName: string;
  createdBy: string;
}

/** Bulk import of legacy customers and their vehicles, streamed in batches and tracked as a job. */
@Injectable()
export class CustomerImportService {
  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly writer: ImportRowWriter,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async import(upload: CsvUpload): Promise<ImportJob> {
    const reader = new CsvRecordReader(upload.body);
    try {
      await reader.readHeader();
      const id = this.ids.next();
      await this.jobs.start({
        id,
        fileName: upload.fileName,
        createdBy: upload.createdBy,
        startedAt: this.now(),
      });
      await this.runJob(id, reader);
      return await this.get(id);
    } finally {
      reader.discardRest();
    }
  }

  async get(id: string): Promise<ImportJob> {
    const job = await this.jobs.findById(id);
    if (!job) throw new NotFoundError('import job', id);
    return job;
  }

  private async runJob(id: string, reader: CsvRecordReader): Promise<void> {
    try {
      await this.importRows(id, reader.rows());
      await this.jobs.finish(id, 'completed', null, this.now());
    } catch (error) {
      await this.jobs.finish(
        id,
        'failed',
        error instanceof Error ? error.message : String(error),
        this.now(),
      );
      // Batches before the failure stay committed; the job id lets the caller see how far it got.
      if (error instanceof DomainError) error.extensions.jobId = id;
      throw error;
    }
  }

  private async importRows(id: string, rows: AsyncIterable<CsvRow>): Promise<void> {
    let batch: CsvRow[] = [];
    let count = 0;
    for await (const row of rows) {
      if (++count > MAX_IMPORT_ROWS)
        throw new PayloadTooLargeError(`An import file may have at most ${MAX_IMPORT_ROWS} rows`);
      batch.push(row);
      if (batch.length === BATCH_SIZE) {
        await this.writeBatch(id, batch);
        batch = [];
      }
    }
    if (batch.length > 0) await this.writeBatch(id, batch);
  }

  private async writeBatch(id: string, rows: CsvRow[]): Promise<void> {
    await this.uow.run(async (tx) => {
      const tally = new ImportTally();
      for (const row of rows) tally.add(await this.writer.write(tx, row));
      await this.jobs.addTally(tx, id, tally);
    });
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
