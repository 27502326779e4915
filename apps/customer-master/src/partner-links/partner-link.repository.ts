import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type PartnerLinkReason = 'sold' | 'registered' | 'serviced';

export interface PartnerLink {
  customerId: string;
  partnerId: string;
  reason: PartnerLinkReason;
}

/** Which customers a dealer or repair station may see: those it sold to, registered or serviced. */
@Injectable()
export class PartnerLinkRepository {
  constructor(private readonly dataSource: DataSource) {}

  async link(
    tx: EntityManager,
    customerId: string,
    partnerId: string,
    reason: PartnerLinkReason,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO customer_master.customer_partner_link (customer_id, partner_id, reason) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [customerId, partnerId, reason],
    );
  }

  async linkMany(tx: EntityManager, links: PartnerLink[]): Promise<void> {
    if (links.length === 0) return;
    await tx.query(
      `INSERT INTO customer_master.customer_partner_link (customer_id, partner_id, reason)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[]) ON CONFLICT DO NOTHING`,
      [links.map((l) => l.customerId), links.map((l) => l.partnerId), links.map((l) => l.reason)],
    );
  }

  async isLinked(partnerId: string, customerId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM customer_master.customer_partner_link WHERE partner_id = $1 AND customer_id = $2 LIMIT 1`,
      [partnerId, customerId],
    );
    return rows.length > 0;
  }

  /** Those of `customerIds` linked to the partner. */
  async linkedAmong(tx: EntityManager, partnerId: string, customerIds: string[]): Promise<Set<string>> {
    const rows: { customer_id: string }[] = await tx.query(
      `SELECT DISTINCT customer_id FROM customer_master.customer_partner_link
        WHERE partner_id = $1 AND customer_id = ANY($2::uuid[])`,
      [partnerId, customerIds],
    );
    return new Set(rows.map((row) => row.customer_id));
  }

  async moveAll(tx: EntityManager, fromCustomerId: string, toCustomerId: string): Promise<void> {
    await tx.query(
      `INSERT INTO customer_master.customer_partner_link (customer_id, partner_id, reason, created_at)
       SELECT $2, partner_id, reason, created_at FROM customer_master.customer_partner_link WHERE customer_id = $1
       ON CONFLICT DO NOTHING`,
      [fromCustomerId, toCustomerId],
    );
    await tx.query(`DELETE FROM customer_master.customer_partner_link WHERE customer_id = $1`, [
      fromCustomerId,
    ]);
  }
}
