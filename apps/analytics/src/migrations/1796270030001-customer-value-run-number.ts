import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recompute numbers its tier events by run (ADR 0063): the runs count on from the highest number a customer's
 * tier events had, so replicas holding one take the next run's events as newer.
 */
export class CustomerValueRunNumber1796270030001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE analytics.customer_value_run_number`);
    await db.query(
      `SELECT setval('analytics.customer_value_run_number', coalesce(max(last_sequence), 0) + 1, false)
         FROM analytics.aggregate_sequence WHERE aggregate_type = 'customer-value'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SEQUENCE analytics.customer_value_run_number`);
  }
}
