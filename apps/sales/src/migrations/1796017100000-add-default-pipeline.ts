import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_PIPELINE_ID } from './1796017000000-create-sales-tables';

const STAGES: [key: string, name: string, probability: number, outcome: string][] = [
  ['prospecting', 'Prospecting', 10, 'open'],
  ['qualification', 'Qualification', 20, 'open'],
  ['needs_analysis', 'Needs analysis', 40, 'open'],
  ['test_drive', 'Test drive', 50, 'open'],
  ['proposal', 'Proposal', 60, 'open'],
  ['negotiation', 'Negotiation', 80, 'open'],
  ['won', 'Won', 100, 'won'],
  ['lost', 'Lost', 0, 'lost'],
];

/** A vehicle sales pipeline to start from; more pipelines are configured through the API. */
export class AddDefaultPipeline1796017100000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`INSERT INTO sales.pipeline (id, name, is_default) VALUES ($1, 'Vehicle sales', true)`, [
      DEFAULT_PIPELINE_ID,
    ]);
    for (const [position, [key, name, probability, outcome]] of STAGES.entries()) {
      await db.query(
        `INSERT INTO sales.pipeline_stage (pipeline_id, key, name, position, probability, outcome)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [DEFAULT_PIPELINE_ID, key, name, position, probability, outcome],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM sales.pipeline WHERE id = $1`, [DEFAULT_PIPELINE_ID]);
  }
}
