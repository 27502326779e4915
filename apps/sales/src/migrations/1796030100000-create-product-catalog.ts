import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The product catalog: models, trims with typed specs and a free spec map, regional price lists with
 * validity dates, and selling points and FAQs; models, trims and notes carry a full-text document.
 */
export class CreateProductCatalog1796030100000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sales.catalog_model (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        description text,
        search_document tsvector NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE sales.catalog_trim (
        id uuid PRIMARY KEY,
        model_id uuid NOT NULL REFERENCES sales.catalog_model (id),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        powertrain text NOT NULL,
        engine text,
        power_kw integer NOT NULL,
        range_km integer,
        seats integer NOT NULL,
        specs jsonb NOT NULL DEFAULT '{}',
        search_document tsvector NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX catalog_trim_model_idx ON sales.catalog_trim (model_id)`);
    await db.query(`
      CREATE TABLE sales.catalog_price (
        id uuid PRIMARY KEY,
        trim_id uuid NOT NULL REFERENCES sales.catalog_trim (id),
        region text NOT NULL,
        amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
        currency char(3) NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await db.query(
      `CREATE INDEX catalog_price_lookup_idx ON sales.catalog_price (trim_id, region, valid_from)`,
    );
    await db.query(`
      CREATE TABLE sales.catalog_note (
        id uuid PRIMARY KEY,
        model_id uuid NOT NULL REFERENCES sales.catalog_model (id),
        trim_id uuid REFERENCES sales.catalog_trim (id),
        kind text NOT NULL CHECK (kind IN ('selling_point', 'faq')),
        title text NOT NULL,
        body text,
        search_document tsvector NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX catalog_note_model_idx ON sales.catalog_note (model_id, kind)`);
    for (const table of ['catalog_model', 'catalog_trim', 'catalog_note'])
      await db.query(`CREATE INDEX ${table}_search_idx ON sales.${table} USING gin (search_document)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['catalog_note', 'catalog_price', 'catalog_trim', 'catalog_model'])
      await db.query(`DROP TABLE sales.${table}`);
  }
}
