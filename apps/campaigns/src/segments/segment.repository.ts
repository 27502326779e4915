import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Segment, SegmentMember } from './segment';
import { SegmentSql } from './segment-sql';

const SEGMENT_COLUMNS = `id, name, kind, rule, version, created_by AS "createdBy", created_at AS "createdAt",
  updated_at AS "updatedAt", archived_at AS "archivedAt"`;

export interface SegmentChange {
  name?: string;
  rule?: Segment['rule'];
  at: string;
}

@Injectable()
export class SegmentRepository {
  async insert(tx: EntityManager, segment: Segment): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.segment (id, name, kind, rule, version, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        segment.id,
        segment.name,
        segment.kind,
        segment.rule === null ? null : JSON.stringify(segment.rule),
        segment.version,
        segment.createdBy,
        segment.createdAt,
      ],
    );
  }

  async find(tx: EntityManager, id: string): Promise<Segment | null> {
    const [row] = await tx.query(`SELECT ${SEGMENT_COLUMNS} FROM campaigns.segment WHERE id = $1`, [id]);
    return row ? toSegment(row) : null;
  }

  /** Segments in use, newest first; archived ones are left out. */
  async list(tx: EntityManager, limit: number, offset: number): Promise<Segment[]> {
    const rows = await tx.query(
      `SELECT ${SEGMENT_COLUMNS} FROM campaigns.segment WHERE archived_at IS NULL
        ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map(toSegment);
  }

  /** Applies the change only to the version the caller read, so a concurrent edit is never overwritten. */
  async update(
    tx: EntityManager,
    id: string,
    version: number,
    change: SegmentChange,
  ): Promise<Segment | null> {
    const [row] = await tx.query(
      `WITH changed AS (
         UPDATE campaigns.segment SET name = COALESCE($3, name), rule = COALESCE($4::jsonb, rule),
           version = version + 1, updated_at = $5
          WHERE id = $1 AND version = $2 AND archived_at IS NULL
          RETURNING *)
       SELECT ${SEGMENT_COLUMNS} FROM changed`,
      [id, version, change.name ?? null, change.rule ? JSON.stringify(change.rule) : null, change.at],
    );
    return row ? toSegment(row) : null;
  }

  async archive(tx: EntityManager, id: string, at: string): Promise<void> {
    await tx.query(
      `UPDATE campaigns.segment SET archived_at = $2, version = version + 1
        WHERE id = $1 AND archived_at IS NULL`,
      [id, at],
    );
  }

  async countMembers(tx: EntityManager, sql: SegmentSql): Promise<number> {
    const [row] = await tx.query(
      `SELECT count(*)::int AS count FROM campaigns.customer c WHERE ${sql.where}`,
      sql.params,
    );
    return row.count;
  }

  async members(tx: EntityManager, sql: SegmentSql, limit: number, offset: number): Promise<SegmentMember[]> {
    const at = sql.params.length;
    return tx.query(
      `SELECT c.id AS "customerId", c.name, c.province, c.city FROM campaigns.customer c
        WHERE ${sql.where} ORDER BY c.name, c.id LIMIT $${at + 1} OFFSET $${at + 2}`,
      [...sql.params, limit, offset],
    );
  }
}

type SegmentRow = Omit<Segment, 'createdAt' | 'updatedAt' | 'archivedAt'> & {
  createdAt: Date | string;
  updatedAt: Date | string | null;
  archivedAt: Date | string | null;
};

function toSegment(row: SegmentRow): Segment {
  const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: iso(row.updatedAt),
    archivedAt: iso(row.archivedAt),
  };
}
