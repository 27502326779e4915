import { MigrationInterface, QueryRunner } from 'typeorm';

/** The dealers' names and provinces (the sales reports' region), newest record by occurredAt (ADR 0028). */
export class CreateDealerReplica1796055500002 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics.dealer (
        dealer_id uuid PRIMARY KEY,
        name text NOT NULL,
        region text,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE analytics.dealer`);
  }
}
