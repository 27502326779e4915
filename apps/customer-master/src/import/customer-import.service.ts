import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Readable } from 'node:stream';
import { Clock, ConflictError, IdGenerator, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { CsvRecordReader, PayloadTooLargeError } from '@crm/http';
import {
  CUSTOMER_IMPORT_COLUMNS,
  CsvRow,
  ImportColumn,
  MAX_IMPORT_ROWS,
  MAX_UPLOAD_BYTES,
} from './import-columns';
import { ImportJob, ImportTally } from './import-job';
import { ImportJobRepository } from './import-job.repository';
import { IMPORT_HEARTBEAT_MS } from './import-heartbeat';
import { ImportRecovery } from './import-recovery';
import { CheckedChunk, ImportChunkWriter } from './import-chunk.writer';
import { SpooledUpload } from './import-spool';

/** Rows per transaction and batch registration: large enough to be fast, small enough that progress shows. */
const BATCH_SIZE = 1_000;

export interface CsvUpload {
  body: Readable;
  fileName: string;
  createdBy: string;
}

export const importLocation = (id: string) => `/imports/${id}`;

/**
 * Bulk import of legacy customers and their vehicles: the file is received, its header checked and a
 * job started, then rows are written in batches in the background while GET /imports/{id} shows progress.
 */
@Injectable()
export class CustomerImportService implements OnApplicationShutdown {
  private readonly logger = new Logger(CustomerImportService.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly writer: ImportChunkWriter,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly recovery: ImportRecovery,
  ) {}

  /** Starts the job and answers with it at once; 409 naming the running job when this file is already importing. */
  async submit(upload: CsvUpload): Promise<ImportJob> {
    const spooled = await SpooledUpload.receive(upload.body);
    const reader = new CsvRecordReader(spooled.open(), CUSTOMER_IMPORT_COLUMNS, MAX_UPLOAD_BYTES);
    try {
      await reader.readHeader();
      const id = this.ids.next();
      await this.startOnce({ id, fileName: upload.fileName, createdBy: upload.createdBy, spooled });
      this.runInBackground(id, spooled, reader);
      return await this.get(id);
    } catch (error) {
      reader.discardRest();
      await spooled.remove();
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  async get(id: string): Promise<ImportJob> {
    const job = await this.jobs.findById(id);
    if (!job) throw new NotFoundError('import job', id);
    return job;
  }

  private async startOnce(job: { id: string; fileName: string; createdBy: string; spooled: SpooledUpload }) {
    const row = { ...job, contentHash: job.spooled.contentHash, startedAt: this.now() };
    if (await this.jobs.start(row)) return;
    const running = await this.jobs.findRunningByHash(row.contentHash);
    // A job of the same file whose worker died no longer blocks it: it is failed and this one starts.
    if (running && (await this.recovery.failInterrupted(running.id)).length === 0) {
      throw new ConflictError('This file is being imported already', {
        jobId: running.id,
        location: importLocation(running.id),
      });
    }
    if (!(await this.jobs.start(row))) throw new ConflictError('This file is being imported already');
  }

  private runInBackground(id: string, spooled: SpooledUpload, reader: CsvRecordReader<ImportColumn>): void {
    const heartbeat = setInterval(() => {
      this.jobs
        .beat(id, this.now())
        .catch((error: Error) => this.logger.warn(`import heartbeat: ${error.message}`));
    }, IMPORT_HEARTBEAT_MS);
    const run = this.runJob(id, reader).finally(async () => {
      clearInterval(heartbeat);
      await spooled.remove();
      this.inFlight.delete(run);
    });
    this.inFlight.add(run);
  }

  /** Never throws: whatever stops the rows is recorded on the job, where the caller reads it. */
  private async runJob(id: string, reader: CsvRecordReader<ImportColumn>): Promise<void> {
    try {
      await this.importRows(id, reader.rows());
      await this.jobs.finish(id, 'completed', null, this.now());
    } catch (error) {
      // Batches before the failure stay committed; the job shows how far it got.
      const message = error instanceof Error ? error.message : String(error);
      await this.jobs.finish(id, 'failed', message, this.now()).catch((finishError: Error) => {
        this.logger.error(`import ${id} failed (${message}) and could not be marked: ${finishError.message}`);
      });
    } finally {
      reader.discardRest();
    }
  }

  /**
   * One chunk is written while the next is read and checked, so the file's parsing and checks overlap the
   * database's work; the writes themselves stay one at a time, in file order.
   */
  private async importRows(id: string, rows: AsyncIterable<CsvRow>): Promise<void> {
    let writing: Promise<void> = Promise.resolve();
    const write = async (batch: CsvRow[]) => {
      const checked = this.writer.check(batch);
      await writing;
      writing = this.writeBatch(id, checked);
      // Awaited before the next chunk and at the end; until then a failure must not count as unhandled.
      writing.catch(() => undefined);
    };
    let batch: CsvRow[] = [];
    let count = 0;
    try {
      for await (const row of rows) {
        if (++count > MAX_IMPORT_ROWS)
          throw new PayloadTooLargeError(`An import file may have at most ${MAX_IMPORT_ROWS} rows`);
        batch.push(row);
        if (batch.length === BATCH_SIZE) {
          await write(batch);
          batch = [];
        }
      }
      if (batch.length > 0) await write(batch);
    } catch (error) {
      // The chunk in flight comes first in the file: its own failure, if any, is the job's reason.
      await writing;
      throw error;
    }
    await writing;
  }

  private async writeBatch(id: string, chunk: CheckedChunk): Promise<void> {
    await this.uow.run(async (tx) => {
      const tally = new ImportTally();
      for (const outcome of await this.writer.write(tx, chunk)) tally.add(outcome);
      await this.jobs.addTally(tx, id, tally);
    });
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
