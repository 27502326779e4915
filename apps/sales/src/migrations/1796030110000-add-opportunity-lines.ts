import { MigrationInterface, QueryRunner } from 'typeorm';

/** Products on opportunities: the region prices are looked up for, and the line items. */
export class AddOpportunityLines1796030110000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sales.opportunity ADD COLUMN region text`);
    await db.query(`
      CREATE TABLE sales.opportunity_line (
        id uuid PRIMARY KEY,
        opportunity_id uuid NOT NULL REFERENCES sales.opportunity (id),
        trim_id uuid NOT NULL REFERENCES sales.catalog_trim (id),
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price numeric(14, 2) NOT NULL CHECK (unit_price >= 0),
        currency char(3) NOT NULL,
        discount numeric(14, 2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
        created_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX opportunity_line_opportunity_idx ON sales.opportunity_line (opportunity_id, created_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sales.opportunity_line`);
    await db.query(`ALTER TABLE sales.opportunity DROP COLUMN region`);
  }
}
