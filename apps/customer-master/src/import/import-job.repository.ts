import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ImportJob, ImportJobStatus, ImportTally, Rejection } from './import-job';

interface ImportJobRow {
  id: string;
  status: ImportJobStatus;
  file_name: string;
  total_rows: number;
  created: number;
  duplicates: number;
  vehicles_attached: number;
  rejected: number;
  rejections: Rejection[];
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
  created_by: string;
}

function toImportJob(row: ImportJobRow): ImportJob {
  return {
    id: row.id,
    status: row.status,
    fileName: row.file_name,
    totalRows: row.total_rows,
    created: row.created,
    duplicates: row.duplicates,
    vehiclesAttached: row.vehicles_attached,
    rejected: row.rejected,
    rejections: row.rejections,
    error: row.error,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    createdBy: row.created_by,
  };
}

export interface NewImportJob {
  id: string;
  fileName: string;
  createdBy: string;
  startedAt: string;
  contentHash: string;
}

const INTERRUPTED =
  'interrupted: its worker stopped reporting (crash or restart); run the file again, rows already written count as duplicates';

@Injectable()
export class ImportJobRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Starts the job, or answers false when the same content is already being imported. */
  async start(job: NewImportJob): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO customer_master.import_job (id, status, file_name, started_at, heartbeat_at, created_by, content_hash)
       VALUES ($1, 'running', $2, $3, $3, $4, $5)
       ON CONFLICT (content_hash) WHERE status = 'running' DO NOTHING RETURNING id`,
      [job.id, job.fileName, job.startedAt, job.createdBy, job.contentHash],
    );
    return rows.length === 1;
  }

  async findRunningByHash(contentHash: string): Promise<{ id: string; heartbeatAt: Date } | null> {
    const rows: { id: string; heartbeat_at: Date }[] = await this.dataSource.query(
      `SELECT id, heartbeat_at FROM customer_master.import_job WHERE content_hash = $1 AND status = 'running'`,
      [contentHash],
    );
    return rows[0] ? { id: rows[0].id, heartbeatAt: rows[0].heartbeat_at } : null;
  }

  async beat(id: string, at: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE customer_master.import_job SET heartbeat_at = $2 WHERE id = $1 AND status = 'running'`,
      [id, at],
    );
  }

  /** Marks failed every running job (or the one given) whose worker has not reported since `before`. */
  async failStale(before: string, at: string, id: string | null = null): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      // Wrapped in a SELECT: TypeORM answers an UPDATE ... RETURNING as [rows, count], a SELECT as rows.
      `WITH failed AS (UPDATE customer_master.import_job SET status = 'failed', finished_at = $2, error = $4
         WHERE status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < $1) AND ($3::uuid IS NULL OR id = $3)
         RETURNING id) SELECT id FROM failed`,
      [before, at, id, INTERRUPTED],
    );
    return rows.map((row) => row.id);
  }

  async addTally(tx: EntityManager, id: string, tally: ImportTally): Promise<void> {
    await tx.query(
      `UPDATE customer_master.import_job SET total_rows = total_rows + $2, created = created + $3,
         duplicates = duplicates + $4, vehicles_attached = vehicles_attached + $5, rejected = rejected + $6,
         rejections = rejections || $7::jsonb
       WHERE id = $1`,
      [
        id,
        tally.totalRows,
        tally.created,
        tally.duplicates,
        tally.vehiclesAttached,
        tally.rejections.length,
        JSON.stringify(tally.rejections),
      ],
    );
  }

  async finish(
    id: string,
    status: Exclude<ImportJobStatus, 'running'>,
    error: string | null,
    at: string,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE customer_master.import_job SET status = $2, error = $3, finished_at = $4 WHERE id = $1`,
      [id, status, error, at],
    );
  }

  async findById(id: string): Promise<ImportJob | null> {
    const rows = await this.dataSource.query(`SELECT * FROM customer_master.import_job WHERE id = $1`, [id]);
    return rows[0] ? toImportJob(rows[0]) : null;
  }
}
