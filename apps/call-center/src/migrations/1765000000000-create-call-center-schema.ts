import { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDdl } from '@crm/messaging';

/*
 * The call center's own copies of other services' data (fed by events, never by calls) and its
 * interactions. No foreign keys between copies: events of different topics arrive in any order.
 */
const READ_MODEL = [
  `CREATE TABLE call_center.customer (
    id uuid PRIMARY KEY,
    kind text NOT NULL,
    name text NOT NULL,
    name_latin text,
    search_keys text[] NOT NULL DEFAULT '{}',
    emails text[] NOT NULL DEFAULT '{}',
    address jsonb,
    city text,
    birthday date,
    gender text,
    tags text[] NOT NULL DEFAULT '{}',
    consents jsonb NOT NULL DEFAULT '[]',
    updated_at timestamptz NOT NULL
  )`,
  `CREATE INDEX customer_search_keys_idx ON call_center.customer USING gin (search_keys)`,
  `CREATE INDEX customer_name_latin_trgm_idx ON call_center.customer USING gin (name_latin gin_trgm_ops)`,
  `CREATE TABLE call_center.customer_phone (
    customer_id uuid NOT NULL REFERENCES call_center.customer (id) ON DELETE CASCADE,
    e164 text NOT NULL,
    digits text NOT NULL,
    position smallint NOT NULL,
    PRIMARY KEY (customer_id, e164)
  )`,
  `CREATE INDEX customer_phone_e164_idx ON call_center.customer_phone (e164)`,
  `CREATE INDEX customer_phone_digits_prefix_idx ON call_center.customer_phone (digits text_pattern_ops)`,
  `CREATE INDEX customer_phone_digits_trgm_idx ON call_center.customer_phone USING gin (digits gin_trgm_ops)`,
  `CREATE TABLE call_center.partner (
    id uuid PRIMARY KEY,
    kind text NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    phone text,
    city text
  )`,
  `CREATE TABLE call_center.vehicle (
    id uuid PRIMARY KEY,
    vin text NOT NULL UNIQUE,
    brand text NOT NULL,
    model text NOT NULL,
    model_year integer,
    purchase_date date,
    selling_dealer_id uuid,
    warranty_end date,
    owner_customer_id uuid
  )`,
  `CREATE INDEX vehicle_owner_idx ON call_center.vehicle (owner_customer_id)`,
  `CREATE INDEX vehicle_dealer_idx ON call_center.vehicle (selling_dealer_id)`,
  `CREATE INDEX vehicle_vin_trgm_idx ON call_center.vehicle USING gin (vin gin_trgm_ops)`,
  `CREATE TABLE call_center.ticket (
    id uuid PRIMARY KEY,
    number text NOT NULL,
    customer_id uuid,
    vehicle_id uuid,
    quality_type text NOT NULL,
    severity text NOT NULL,
    status text NOT NULL,
    description text NOT NULL,
    channel text NOT NULL,
    station_id uuid,
    accepted_by text,
    opened_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )`,
  `CREATE INDEX ticket_customer_idx ON call_center.ticket (customer_id, opened_at DESC)`,
  `CREATE TABLE call_center.repair (
    id uuid PRIMARY KEY,
    ticket_id uuid NOT NULL,
    ticket_number text NOT NULL,
    customer_id uuid,
    vehicle_id uuid,
    vin text,
    station_id uuid NOT NULL,
    station_name text NOT NULL,
    quality_type text NOT NULL,
    work_done text NOT NULL,
    technician text NOT NULL,
    repaired_at timestamptz NOT NULL
  )`,
  `CREATE INDEX repair_customer_idx ON call_center.repair (customer_id, repaired_at DESC)`,
];

const INTERACTIONS = [
  `CREATE TABLE call_center.interaction (
    id uuid PRIMARY KEY,
    customer_id uuid,
    kind text NOT NULL CHECK (kind IN ('contact', 'complaint')),
    channel text NOT NULL,
    direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    agent_id text NOT NULL,
    subject text NOT NULL,
    notes text,
    outcome text,
    duration_seconds integer,
    ticket_id uuid,
    vehicle_id uuid,
    quality_type text,
    occurred_at timestamptz NOT NULL
  )`,
  `CREATE INDEX interaction_customer_idx ON call_center.interaction (customer_id, occurred_at DESC)`,
];

export class CreateCallCenterSchema1765000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE SCHEMA call_center`);
    for (const statement of [...READ_MODEL, ...INTERACTIONS]) await db.query(statement);
    for (const statement of messagingTablesDdl('call_center')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA call_center CASCADE`);
  }
}
