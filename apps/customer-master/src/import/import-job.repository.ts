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
}

@Injectable()
export class ImportJobRepository {
  constructor(private readonly dataSource: DataSource) {}

  async start(job: NewImportJob): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO customer_master.import_job (id, status, file_name, started_at, created_by)
       VALUES ($1, 'running', $2, $3, $4)`,
      [job.id, job.fileName, job.startedAt, job.createdBy],
    );
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
