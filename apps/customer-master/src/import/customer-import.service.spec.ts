import { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { FixedClock, RandomIdGenerator } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { CsvRow, IMPORT_COLUMNS } from './import-columns';
import { CheckedChunk, ImportChunkWriter } from './import-chunk.writer';
import { ImportJob, ImportTally, RowOutcome } from './import-job';
import { ImportJobRepository } from './import-job.repository';
import { ImportRecovery } from './import-recovery';
import { CustomerImportService } from './customer-import.service';

/** A file of `rows` data rows (the writer below does not read them), then `tail` lines. */
function file(rows: number, tail: string[] = []): Readable {
  const line = (i: number) => IMPORT_COLUMNS.map((column) => (column === 'name' ? `客户${i}` : '')).join(',');
  const lines = [IMPORT_COLUMNS.join(','), ...Array.from({ length: rows }, (_, i) => line(i)), ...tail];
  return Readable.from([lines.join('\n')]);
}

/** Resolves once `resolve` is called. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * A writer that records what happens, in order. Chunk n's write holds on until chunk n + 1 was checked (or the
 * file has no more chunks, then for `lastHoldMs`), like a database taking longer than the next chunk's checks;
 * chunk `failing` throws.
 */
class RecordingWriter {
  readonly events: string[] = [];
  private readonly checked: ReturnType<typeof signal>[] = [];
  private inFlight = 0;

  constructor(
    private readonly chunks: number,
    private readonly failing: number | null = null,
    private readonly lastHoldMs = 0,
  ) {
    this.checked = Array.from({ length: chunks + 1 }, () => signal());
  }

  check(rows: CsvRow[]): CheckedChunk {
    const n = this.events.filter((event) => event.startsWith('check')).length + 1;
    this.events.push(`check ${n}`);
    this.checked[n].resolve();
    return rows as unknown as CheckedChunk;
  }

  async write(_tx: EntityManager, chunk: CheckedChunk): Promise<RowOutcome[]> {
    const n = this.events.filter((event) => event.startsWith('write')).length + 1;
    this.events.push(`write ${n}${this.inFlight > 0 ? ' while another is written' : ''}`);
    this.inFlight++;
    try {
      if (n < this.chunks) await this.checked[n + 1].promise;
      else await new Promise((resolve) => setTimeout(resolve, this.lastHoldMs));
      if (n === this.failing) throw new Error(`chunk ${n} failed`);
      return chunk.map(() => ({ kind: 'created' }));
    } finally {
      this.inFlight--;
      this.events.push(`written ${n}`);
    }
  }
}

class RecordingJobs {
  readonly tallies: number[] = [];
  finished: { status: string; error: string | null } | null = null;

  constructor(private readonly events: string[]) {}

  async start(): Promise<boolean> {
    return true;
  }

  async findById(id: string): Promise<ImportJob> {
    return { id } as ImportJob;
  }

  async beat(): Promise<void> {}

  async addTally(_tx: EntityManager, _id: string, tally: ImportTally): Promise<void> {
    this.tallies.push(tally.totalRows);
  }

  async finish(_id: string, status: string, error: string | null): Promise<void> {
    this.events.push(`finished ${status}`);
    this.finished = { status, error };
  }
}

async function run(body: Readable, writer: RecordingWriter): Promise<RecordingJobs> {
  const jobs = new RecordingJobs(writer.events);
  const uow = { run: (work: (tx: EntityManager) => Promise<unknown>) => work({} as EntityManager) };
  const service = new CustomerImportService(
    jobs as unknown as ImportJobRepository,
    writer as unknown as ImportChunkWriter,
    uow as unknown as UnitOfWork,
    new FixedClock(new Date('2026-12-01T00:00:00Z')),
    new RandomIdGenerator(),
    {} as ImportRecovery,
  );
  await service.submit({ body, fileName: 'legacy.csv', createdBy: 'admin' });
  await service.onApplicationShutdown();
  return jobs;
}

describe(CustomerImportService.name, () => {
  it('checks the next chunk while one is written, and writes one chunk at a time in file order', async () => {
    const writer = new RecordingWriter(3);

    const jobs = await run(file(2_500), writer);

    expect(writer.events).toEqual([
      'check 1',
      'write 1',
      'check 2',
      'written 1',
      'write 2',
      'check 3',
      'written 2',
      'write 3',
      'written 3',
      'finished completed',
    ]);
    expect(jobs.tallies).toEqual([1_000, 1_000, 500]);
  });

  it('stops at a chunk that fails, with its reason, and writes nothing after it', async () => {
    const writer = new RecordingWriter(3, 2);

    const jobs = await run(file(2_500), writer);

    expect(writer.events.filter((event) => event.startsWith('write'))).toEqual(['write 1', 'write 2']);
    expect(jobs.tallies).toEqual([1_000]);
    expect(jobs.finished).toEqual({ status: 'failed', error: 'chunk 2 failed' });
  });

  it('lets the chunk in flight commit before a broken file fails the job', async () => {
    // The first chunk's write is still in flight when the parser meets the broken row.
    const writer = new RecordingWriter(1, null, 200);

    const jobs = await run(file(1_200, ['X,person,"unclosed']), writer);

    expect(writer.events).toEqual(['check 1', 'write 1', 'written 1', 'finished failed']);
    expect(jobs.tallies).toEqual([1_000]);
    expect(jobs.finished?.error).toContain('Quote');
  });
});
