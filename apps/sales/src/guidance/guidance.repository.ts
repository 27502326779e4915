import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampSql } from '@crm/persistence';
import { SalesRecordType } from '@crm/contracts';
import { GuidanceComment } from './guidance-comment';

/** Guidance comments by the record they are on. */
@Injectable()
export class GuidanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, c: GuidanceComment): Promise<void> {
    await tx.query(
      `INSERT INTO sales.guidance_comment (id, record_type, record_id, kind, author_id, author_name, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [c.id, c.recordType, c.recordId, c.kind, c.authorId, c.authorName, c.body, c.createdAt],
    );
  }

  /** Oldest first, so the thread reads in order. */
  listFor(recordType: SalesRecordType, recordId: string): Promise<GuidanceComment[]> {
    return this.dataSource.query(
      `SELECT id, record_type AS "recordType", record_id AS "recordId", kind, author_id AS "authorId",
              author_name AS "authorName", body, ${isoTimestampSql('created_at')} AS "createdAt"
         FROM sales.guidance_comment WHERE record_type = $1 AND record_id = $2 ORDER BY created_at, id`,
      [recordType, recordId],
    );
  }

  /** Who has given guidance on the record: the people an owner's reply is for. */
  async guidesOf(tx: EntityManager, recordType: SalesRecordType, recordId: string): Promise<string[]> {
    const rows: { authorId: string }[] = await tx.query(
      `SELECT DISTINCT author_id AS "authorId" FROM sales.guidance_comment
        WHERE record_type = $1 AND record_id = $2 AND kind = 'guidance' ORDER BY 1`,
      [recordType, recordId],
    );
    return rows.map((r) => r.authorId);
  }
}
