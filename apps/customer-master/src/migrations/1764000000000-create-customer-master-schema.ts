import { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDdl } from '@crm/messaging';

export class CreateCustomerMasterSchema1764000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const extension of ['pg_trgm', 'cube', 'earthdistance']) {
      await db.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`);
    }
    await db.query(`CREATE SCHEMA customer_master`);
    await db.query(`CREATE TABLE customer_master.customer (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('person', 'company')),
      name text NOT NULL,
      name_latin text,
      search_keys text[] NOT NULL DEFAULT '{}',
      emails text[] NOT NULL DEFAULT '{}',
      province text, city text, district text, street text, postal_code text,
      lat double precision, lon double precision,
      birthday date,
      gender text CHECK (gender IN ('female', 'male', 'other', 'unknown')),
      tags text[] NOT NULL DEFAULT '{}',
      owner_sales_rep_id text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'erased')),
      merged_into uuid,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(
      `CREATE INDEX customer_search_keys_idx ON customer_master.customer USING gin (search_keys)`,
    );
    await db.query(
      `CREATE INDEX customer_name_latin_trgm_idx ON customer_master.customer USING gin (name_latin gin_trgm_ops)`,
    );
    await db.query(`CREATE INDEX customer_emails_idx ON customer_master.customer USING gin (emails)`);
    await db.query(`CREATE INDEX customer_birthday_idx ON customer_master.customer (birthday)`);
    await db.query(`CREATE TABLE customer_master.customer_phone (
      customer_id uuid NOT NULL REFERENCES customer_master.customer (id) ON DELETE CASCADE,
      e164 text NOT NULL,
      digits text NOT NULL,
      position smallint NOT NULL DEFAULT 0,
      PRIMARY KEY (customer_id, e164)
    )`);
    await db.query(`CREATE INDEX customer_phone_e164_idx ON customer_master.customer_phone (e164)`);
    await db.query(
      `CREATE INDEX customer_phone_digits_prefix_idx ON customer_master.customer_phone (digits text_pattern_ops)`,
    );
    await db.query(
      `CREATE INDEX customer_phone_digits_trgm_idx ON customer_master.customer_phone USING gin (digits gin_trgm_ops)`,
    );
    await db.query(`CREATE TABLE customer_master.consent (
      customer_id uuid NOT NULL REFERENCES customer_master.customer (id) ON DELETE CASCADE,
      channel text NOT NULL CHECK (channel IN ('phone', 'sms', 'email')),
      granted boolean NOT NULL,
      recorded_at timestamptz NOT NULL,
      source text NOT NULL,
      PRIMARY KEY (customer_id, channel)
    )`);
    await db.query(`CREATE TABLE customer_master.partner (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('dealer', 'repair_station')),
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      phone text,
      province text, city text, district text, street text, postal_code text,
      lat double precision NOT NULL, lon double precision NOT NULL,
      brands text[] NOT NULL DEFAULT '{}',
      skills text[] NOT NULL DEFAULT '{}',
      capacity integer NOT NULL DEFAULT 0 CHECK (capacity >= 0),
      opening_hours jsonb NOT NULL DEFAULT '[]',
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(
      `CREATE INDEX partner_location_idx ON customer_master.partner USING gist (ll_to_earth(lat, lon))`,
    );
    await db.query(`CREATE TABLE customer_master.vehicle (
      id uuid PRIMARY KEY,
      vin text NOT NULL UNIQUE,
      brand text NOT NULL,
      model text NOT NULL,
      model_year integer,
      purchase_date date,
      selling_dealer_id uuid REFERENCES customer_master.partner (id),
      warranty_end date,
      owner_customer_id uuid NOT NULL REFERENCES customer_master.customer (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE INDEX vehicle_owner_idx ON customer_master.vehicle (owner_customer_id)`);
    await db.query(`CREATE INDEX vehicle_dealer_idx ON customer_master.vehicle (selling_dealer_id)`);
    await db.query(
      `CREATE INDEX vehicle_vin_trgm_idx ON customer_master.vehicle USING gin (vin gin_trgm_ops)`,
    );
    await db.query(`CREATE TABLE customer_master.customer_partner_link (
      customer_id uuid NOT NULL REFERENCES customer_master.customer (id) ON DELETE CASCADE,
      partner_id uuid NOT NULL,
      reason text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (partner_id, customer_id, reason)
    )`);
    await db.query(`CREATE TABLE customer_master.audit_log (
      id bigserial PRIMARY KEY,
      actor_id text NOT NULL,
      actor_kind text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id uuid NOT NULL,
      changed_fields text[] NOT NULL DEFAULT '{}',
      correlation_id text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE INDEX audit_log_entity_idx ON customer_master.audit_log (entity_id, at)`);
    for (const statement of messagingTablesDdl('customer_master')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA customer_master CASCADE`);
  }
}
