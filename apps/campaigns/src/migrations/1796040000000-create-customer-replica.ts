import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer replica segments are evaluated over (customer-master's and vehicles' events), indexed for
 * each rule condition, and the tombstones that keep erased people out of it.
 */
export class CreateCustomerReplica1796040000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE campaigns.customer (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        name text NOT NULL,
        province text,
        city text,
        birthday date,
        birth_month smallint GENERATED ALWAYS AS (EXTRACT(MONTH FROM birthday)::smallint) STORED,
        gender text,
        tags text[] NOT NULL DEFAULT '{}',
        phones text[] NOT NULL DEFAULT '{}',
        emails text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX customer_city_idx ON campaigns.customer (city)`);
    await db.query(`CREATE INDEX customer_province_idx ON campaigns.customer (province)`);
    await db.query(`CREATE INDEX customer_birth_month_idx ON campaigns.customer (birth_month)`);
    await db.query(`CREATE INDEX customer_gender_idx ON campaigns.customer (gender)`);
    await db.query(`CREATE INDEX customer_tags_idx ON campaigns.customer USING gin (tags)`);
    await db.query(`
      CREATE TABLE campaigns.customer_consent (
        customer_id uuid NOT NULL REFERENCES campaigns.customer (id) ON DELETE CASCADE,
        channel text NOT NULL,
        granted boolean NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (customer_id, channel)
      )`);
    await db.query(
      `CREATE INDEX customer_consent_granted_idx ON campaigns.customer_consent (channel, customer_id) WHERE granted`,
    );
    await db.query(`
      CREATE TABLE campaigns.vehicle (
        id uuid PRIMARY KEY,
        owner_customer_id uuid NOT NULL,
        model text NOT NULL,
        purchase_date date,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX vehicle_owner_idx ON campaigns.vehicle (owner_customer_id)`);
    await db.query(`CREATE INDEX vehicle_model_idx ON campaigns.vehicle (model)`);
    await db.query(`CREATE INDEX vehicle_purchase_date_idx ON campaigns.vehicle (purchase_date)`);
    await db.query(`
      CREATE TABLE campaigns.erased_customer (
        customer_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['erased_customer', 'vehicle', 'customer_consent', 'customer'])
      await db.query(`DROP TABLE campaigns.${table}`);
  }
}
