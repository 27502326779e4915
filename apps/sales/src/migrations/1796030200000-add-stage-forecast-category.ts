import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each pipeline stage names the forecast category its opportunities count in (backfilled next). */
export class AddStageForecastCategory1796030200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sales.pipeline_stage
        ADD COLUMN forecast_category text NOT NULL DEFAULT 'pipeline'
        CHECK (forecast_category IN ('pipeline', 'best_case', 'commit', 'closed', 'omitted'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sales.pipeline_stage DROP COLUMN forecast_category`);
  }
}
