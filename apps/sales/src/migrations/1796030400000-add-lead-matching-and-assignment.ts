import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A lead's location (for the nearest dealer), the customers it may be when the match was not
 * unambiguous, and how it was assigned (strategy and the decision's reasons).
 */
export class AddLeadMatchingAndAssignment1796030400000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sales.lead
      ADD COLUMN lat double precision,
      ADD COLUMN lon double precision,
      ADD COLUMN customer_candidates jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN assignment jsonb`);
    await db.query(`CREATE INDEX lead_open_by_partner_idx ON sales.lead (partner_id)
      WHERE status NOT IN ('converted', 'disqualified')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX sales.lead_open_by_partner_idx`);
    await db.query(`ALTER TABLE sales.lead DROP COLUMN lat, DROP COLUMN lon, DROP COLUMN customer_candidates,
      DROP COLUMN assignment`);
  }
}
