import { MigrationInterface, QueryRunner } from 'typeorm';

/** Orders: at most one per opportunity and per quote, with the items as placed. */
export class CreateOrders1796030130000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE sales.order_number_seq`);
    await db.query(`
      CREATE TABLE sales.sales_order (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        opportunity_id uuid NOT NULL UNIQUE REFERENCES sales.opportunity (id),
        quote_id uuid UNIQUE REFERENCES sales.quote (id),
        customer_id uuid,
        items jsonb NOT NULL,
        total numeric(14, 2) NOT NULL,
        currency char(3) NOT NULL,
        placed_by text NOT NULL,
        placed_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sales.sales_order`);
    await db.query(`DROP SEQUENCE sales.order_number_seq`);
  }
}
