import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The offers integration's offer rules granted each customer (offer.granted, applied, expired; ADR 0043), for the
 * 360. One row per offer, updated only by a newer event of that offer (ADR 0021).
 */
export class CreateCustomerOffer1796085000200 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE call_center.customer_offer (
        offer_id           uuid PRIMARY KEY,
        customer_id        uuid NOT NULL,
        title              text NOT NULL,
        kind               text NOT NULL,
        value              numeric NOT NULL,
        currency           text,
        applies_to         text NOT NULL,
        reason             text NOT NULL,
        status             text NOT NULL,
        granted_at         timestamptz NOT NULL,
        valid_until        timestamptz NOT NULL,
        applied_at         timestamptz,
        source_occurred_at timestamptz NOT NULL,
        source_sequence    bigint
      )`);
    await db.query(`CREATE INDEX customer_offer_customer ON call_center.customer_offer (customer_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE call_center.customer_offer`);
  }
}
