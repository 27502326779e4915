import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The quality alerts raised (ADR 0028): one row per model, quality type and month, so each cell's alert is
 * raised once. Not a projection: a rebuild leaves it alone and so does not raise them again.
 */
export class CreateQualityAlerts1796055500001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics.quality_alert (
        model text NOT NULL,
        quality_type text NOT NULL,
        month text NOT NULL,
        alert_id uuid NOT NULL UNIQUE,
        complaints integer NOT NULL,
        vehicles integer NOT NULL,
        expected double precision NOT NULL,
        upper_bound double precision NOT NULL,
        raised_at timestamptz NOT NULL,
        PRIMARY KEY (model, quality_type, month)
      )`);
    await db.query(`CREATE INDEX quality_alert_month_idx ON analytics.quality_alert (month)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE analytics.quality_alert`);
  }
}
