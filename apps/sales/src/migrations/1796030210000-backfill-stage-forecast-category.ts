import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Existing stages get the default category new stages get (defaultForecastCategory in
 * opportunities/pipeline.ts, written out here so this migration never changes): won is closed, lost
 * omitted, open stages commit from 80 %, best case from 40 %, pipeline below.
 */
export class BackfillStageForecastCategory1796030210000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE sales.pipeline_stage SET forecast_category = CASE
        WHEN outcome = 'won' THEN 'closed'
        WHEN outcome = 'lost' THEN 'omitted'
        WHEN probability >= 80 THEN 'commit'
        WHEN probability >= 40 THEN 'best_case'
        ELSE 'pipeline' END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE sales.pipeline_stage SET forecast_category = 'pipeline'`);
  }
}
