import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Segment, SegmentMember } from './segment';
import { SegmentSql } from './segment-sql';

const SEGMENT_COLUMNS = `id, name, rule, created_by AS "createdBy", created_at AS "createdAt"`;

@Injectable()
export class SegmentRepository {
  async insert(tx: EntityManager, segment: Segment): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.segment (id, name, rule, created_by, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [segment.id, segment.name, JSON.stringify(segment.rule), segment.createdBy, segment.createdAt],
    );
  }

  async find(tx: EntityManager, id: string): Promise<Segment | null> {
    const [row] = await tx.query(`SELECT ${SEGMENT_COLUMNS} FROM campaigns.segment WHERE id = $1`, [id]);
    return row ? toSegment(row) : null;
  }

  async list(tx: EntityManager, limit: number, offset: number): Promise<Segment[]> {
    const rows = await tx.query(
      `SELECT ${SEGMENT_COLUMNS} FROM campaigns.segment ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map(toSegment);
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

function toSegment(row: Segment & { createdAt: Date | string }): Segment {
  return { ...row, createdAt: new Date(row.createdAt).toISOString() };
}
