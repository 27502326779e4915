import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every repair for the market view's service volume (ADR 0046): the station (its region), the vehicle (its model)
 * and the ticket (its selling dealer, for a dealer's own view). Paid or not; no customer is kept.
 */
export class CreateMarketRepair1796101000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics.market_repair (
        repair_id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL,
        station_id uuid NOT NULL,
        vehicle_id uuid,
        repaired_at timestamptz NOT NULL,
        event_at timestamptz NOT NULL,
        event_id uuid NOT NULL
      )`);
    await db.query(`CREATE INDEX market_repair_repaired_idx ON analytics.market_repair (repaired_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE analytics.market_repair`);
  }
}
