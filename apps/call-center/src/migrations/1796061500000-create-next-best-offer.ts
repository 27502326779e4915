import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each customer's next best offer from campaigns' next-best-offer.changed, for the 360 (ADR 0034). A withdrawn
 * offer keeps its row with no product, so the event number it held still turns away older events (ADR 0021).
 */
export class CreateNextBestOffer1796061500000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE call_center.next_best_offer (
        customer_id uuid PRIMARY KEY,
        product text,
        based_on text,
        reason text,
        score double precision,
        since timestamptz NOT NULL,
        source_occurred_at timestamptz NOT NULL,
        source_sequence bigint
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE call_center.next_best_offer`);
  }
}
