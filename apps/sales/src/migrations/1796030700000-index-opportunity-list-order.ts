import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pipeline list sorts by expected close date, newest first, then id, and pages: with the order
 * in an index the planner walks it and stops after the page instead of sorting every visible row
 * (200,000 for a director; see docs/benchmarks.md, "Sales pipeline"). The second index keeps a
 * stage filter (one column of a board) from walking past the other stages.
 */
export class IndexOpportunityListOrder1796030700000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX opportunity_list_order_idx ON sales.opportunity (expected_close_date, created_at DESC, id)`,
    );
    await db.query(
      `CREATE INDEX opportunity_stage_list_order_idx ON sales.opportunity (stage, expected_close_date, created_at DESC, id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX sales.opportunity_stage_list_order_idx`);
    await db.query(`DROP INDEX sales.opportunity_list_order_idx`);
  }
}
