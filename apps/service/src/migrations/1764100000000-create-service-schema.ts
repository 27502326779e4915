import { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDdl } from '@crm/messaging';

export class CreateServiceSchema1764100000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const extension of ['cube', 'earthdistance'])
      await db.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`);
    await db.query(`CREATE SCHEMA service`);
    await db.query(`CREATE TABLE service.station (
      id uuid PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      phone text,
      address jsonb NOT NULL DEFAULT '{}',
      lat double precision NOT NULL, lon double precision NOT NULL,
      brands text[] NOT NULL DEFAULT '{}',
      skills text[] NOT NULL DEFAULT '{}',
      capacity integer NOT NULL DEFAULT 0,
      open_tickets integer NOT NULL DEFAULT 0,
      opening_hours jsonb NOT NULL DEFAULT '[]',
      active boolean NOT NULL DEFAULT true,
      webhook_url text,
      webhook_secret text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE INDEX station_location_idx ON service.station USING gist (ll_to_earth(lat, lon))`);
    await db.query(`CREATE SEQUENCE service.ticket_number_seq`);
    await db.query(`CREATE TABLE service.ticket (
      id uuid PRIMARY KEY,
      number text NOT NULL UNIQUE,
      interaction_id uuid,
      customer_id uuid NOT NULL,
      vehicle_id uuid,
      vin text,
      brand text,
      selling_dealer_id uuid,
      quality_type text NOT NULL,
      severity text NOT NULL,
      status text NOT NULL,
      description text NOT NULL,
      channel text NOT NULL,
      lat double precision, lon double precision,
      station_id uuid REFERENCES service.station (id),
      opened_at timestamptz NOT NULL,
      routed_at timestamptz,
      accepted_at timestamptz,
      resolved_at timestamptz,
      closed_at timestamptz,
      appointment_at timestamptz,
      response_due_at timestamptz,
      resolution_due_at timestamptz,
      response_breached_at timestamptz,
      resolution_breached_at timestamptz,
      satisfaction_score smallint,
      satisfaction_comment text,
      satisfaction_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE INDEX ticket_station_idx ON service.ticket (station_id, status)`);
    await db.query(`CREATE INDEX ticket_dealer_idx ON service.ticket (selling_dealer_id)`);
    await db.query(`CREATE INDEX ticket_customer_idx ON service.ticket (customer_id)`);
    await db.query(`CREATE INDEX ticket_response_due_idx ON service.ticket (response_due_at)
      WHERE accepted_at IS NULL AND response_breached_at IS NULL`);
    await db.query(`CREATE INDEX ticket_resolution_due_idx ON service.ticket (resolution_due_at)
      WHERE resolved_at IS NULL AND resolution_breached_at IS NULL`);
    await db.query(`CREATE TABLE service.ticket_event (
      id bigserial PRIMARY KEY,
      ticket_id uuid NOT NULL REFERENCES service.ticket (id),
      status text NOT NULL,
      step text NOT NULL,
      actor_id text NOT NULL,
      actor_kind text NOT NULL,
      station_id uuid,
      note text,
      at timestamptz NOT NULL
    )`);
    await db.query(`CREATE INDEX ticket_event_ticket_idx ON service.ticket_event (ticket_id, id)`);
    await db.query(`CREATE TABLE service.ticket_decline (
      ticket_id uuid NOT NULL REFERENCES service.ticket (id),
      station_id uuid NOT NULL,
      reason text NOT NULL,
      declined_at timestamptz NOT NULL,
      PRIMARY KEY (ticket_id, station_id)
    )`);
    await db.query(`CREATE TABLE service.routing_decision (
      id bigserial PRIMARY KEY,
      ticket_id uuid NOT NULL REFERENCES service.ticket (id),
      station_id uuid,
      lat double precision, lon double precision,
      radius_km integer,
      distance_meters double precision,
      candidates jsonb NOT NULL,
      outcome text NOT NULL,
      decided_at timestamptz NOT NULL
    )`);
    await db.query(`CREATE INDEX routing_decision_ticket_idx ON service.routing_decision (ticket_id, id)`);
    await db.query(`CREATE TABLE service.repair_record (
      id uuid PRIMARY KEY,
      ticket_id uuid NOT NULL REFERENCES service.ticket (id),
      station_id uuid NOT NULL,
      work_done text NOT NULL,
      parts jsonb NOT NULL,
      cost_amount numeric(12, 2) NOT NULL,
      cost_currency text NOT NULL,
      technician text NOT NULL,
      repaired_at timestamptz NOT NULL
    )`);
    await db.query(`CREATE TABLE service.webhook_delivery (
      id uuid PRIMARY KEY,
      ticket_id uuid NOT NULL REFERENCES service.ticket (id),
      station_id uuid NOT NULL REFERENCES service.station (id),
      url text NOT NULL,
      body text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      last_http_status integer,
      last_error text,
      created_at timestamptz NOT NULL,
      delivered_at timestamptz
    )`);
    await db.query(`CREATE INDEX webhook_delivery_due_idx ON service.webhook_delivery (next_attempt_at)
      WHERE status = 'pending'`);
    await db.query(`CREATE INDEX webhook_delivery_ticket_idx ON service.webhook_delivery (ticket_id)`);
    await db.query(`CREATE TABLE service.webhook_attempt (
      delivery_id uuid NOT NULL REFERENCES service.webhook_delivery (id),
      attempt integer NOT NULL,
      at timestamptz NOT NULL,
      http_status integer,
      error text,
      duration_ms integer NOT NULL,
      PRIMARY KEY (delivery_id, attempt)
    )`);
    await db.query(`CREATE TABLE service.survey_token (
      token_hash text PRIMARY KEY,
      ticket_id uuid NOT NULL REFERENCES service.ticket (id),
      created_at timestamptz NOT NULL,
      used_at timestamptz
    )`);
    for (const statement of messagingTablesDdl('service')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA service CASCADE`);
  }
}
