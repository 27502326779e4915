import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What segments select on beyond the customer master: orders from sales (models ordered, when, for how much)
 * and each customer's service history from the service app (the last repair, the latest satisfaction rating).
 */
export class CreateOrderAndServiceReplicas1796053500000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE campaigns.customer_order (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        number text NOT NULL,
        models text[] NOT NULL,
        total_amount numeric(14, 2) NOT NULL,
        currency text NOT NULL,
        placed_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX customer_order_customer_idx ON campaigns.customer_order (customer_id)`);
    await db.query(`CREATE INDEX customer_order_placed_at_idx ON campaigns.customer_order (placed_at)`);
    await db.query(`CREATE INDEX customer_order_models_idx ON campaigns.customer_order USING gin (models)`);
    // One row per customer, each column newer-wins on its own: the last repair and the latest rating.
    await db.query(`
      CREATE TABLE campaigns.customer_service (
        customer_id uuid PRIMARY KEY,
        last_service_at timestamptz,
        last_rating_score smallint,
        last_rated_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX customer_service_last_service_idx ON campaigns.customer_service (last_service_at)`,
    );
    await db.query(
      `CREATE INDEX customer_service_last_rating_idx ON campaigns.customer_service (last_rating_score)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE campaigns.customer_service`);
    await db.query(`DROP TABLE campaigns.customer_order`);
  }
}
