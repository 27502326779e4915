import { MigrationInterface, QueryRunner } from 'typeorm';

/** Quotes: numbered per opportunity, versioned, with a snapshot of the opportunity's lines. */
export class CreateQuotes1796030120000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE sales.quote_number_seq`);
    await db.query(`
      CREATE TABLE sales.quote (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        version integer NOT NULL,
        opportunity_id uuid NOT NULL REFERENCES sales.opportunity (id),
        customer_id uuid,
        customer_name text,
        status text NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'rejected')),
        valid_until date NOT NULL,
        terms text,
        lines jsonb NOT NULL,
        total numeric(14, 2) NOT NULL,
        currency char(3) NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (number, version)
      )`);
    await db.query(`CREATE INDEX quote_opportunity_idx ON sales.quote (opportunity_id, version DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sales.quote`);
    await db.query(`DROP SEQUENCE sales.quote_number_seq`);
  }
}
