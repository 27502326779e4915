import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampSql } from '@crm/persistence';
import { SalesNotification } from './sales-notification';

const COLUMNS = `id, recipient_id AS "recipientId", kind, title, body, record_type AS "recordType",
  record_id AS "recordId", partner_id AS "partnerId", ${isoTimestampSql('created_at')} AS "createdAt", ${isoTimestampSql('read_at')} AS "readAt"`;

/** Each user's inbox: only ever read by its recipient. */
@Injectable()
export class SalesNotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, n: SalesNotification): Promise<void> {
    await tx.query(
      `INSERT INTO sales.sales_notification (id, recipient_id, kind, title, body, record_type, record_id, partner_id,
         created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [n.id, n.recipientId, n.kind, n.title, n.body, n.recordType, n.recordId, n.partnerId, n.createdAt],
    );
  }

  /** Unread first, newest first within each. */
  inbox(
    recipientId: string,
    page: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<SalesNotification[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM sales.sales_notification
        WHERE recipient_id = $1 AND (NOT $2 OR read_at IS NULL)
        ORDER BY (read_at IS NULL) DESC, created_at DESC, id LIMIT $3 OFFSET $4`,
      [recipientId, page.unreadOnly, page.limit, page.offset],
    );
  }

  async unreadCount(recipientId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM sales.sales_notification WHERE recipient_id = $1 AND read_at IS NULL`,
      [recipientId],
    );
    return row.unread;
  }

  async isAssignedToPartner(partnerId: string, id: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM sales.sales_notification WHERE id = $1 AND partner_id = $2`,
      [id, partnerId],
    );
    return rows.length > 0;
  }

  /** Marks the recipient's notification read (keeping the first read time); null when it is not theirs. */
  async markRead(recipientId: string, id: string, at: Date): Promise<SalesNotification | null> {
    const [rows] = await this.dataSource.query(
      `UPDATE sales.sales_notification SET read_at = COALESCE(read_at, $3)
        WHERE id = $1 AND recipient_id = $2 RETURNING ${COLUMNS}`,
      [id, recipientId, at],
    );
    return rows[0] ?? null;
  }
}
