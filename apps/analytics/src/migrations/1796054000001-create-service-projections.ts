import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service projections (ADR 0026): one fact row per ticket, and the station and vehicle-model replicas
 * its scorecards are grouped by. Every column is set by its own events under a min, max or latest-wins
 * rule, so a row does not depend on the order events arrive in.
 */
export class CreateServiceProjections1796054000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics.ticket_fact (
        ticket_id uuid PRIMARY KEY,
        ticket_number text NOT NULL,
        opened_at timestamptz NOT NULL,
        quality_type text NOT NULL,
        severity text NOT NULL,
        channel text NOT NULL,
        vehicle_id uuid,
        selling_dealer_id uuid,
        status text NOT NULL,
        status_at timestamptz NOT NULL,
        status_event_id uuid NOT NULL,
        station_id uuid,
        station_at timestamptz,
        station_event_id uuid,
        first_response_at timestamptz,
        accepted_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        reopen_event_ids uuid[] NOT NULL DEFAULT '{}',
        response_breached boolean NOT NULL DEFAULT false,
        resolution_breached boolean NOT NULL DEFAULT false,
        satisfaction_score smallint,
        satisfaction_at timestamptz,
        satisfaction_event_id uuid,
        last_event_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX ticket_fact_opened_idx ON analytics.ticket_fact (opened_at, ticket_id)`);
    await db.query(`CREATE INDEX ticket_fact_station_idx ON analytics.ticket_fact (station_id, opened_at)`);
    await db.query(`CREATE INDEX ticket_fact_last_event_idx ON analytics.ticket_fact (last_event_at)`);
    await db.query(`
      CREATE TABLE analytics.station (
        station_id uuid PRIMARY KEY,
        name text NOT NULL,
        region text,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE analytics.vehicle_model (
        vehicle_id uuid PRIMARY KEY,
        model text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['vehicle_model', 'station', 'ticket_fact'])
      await db.query(`DROP TABLE analytics.${table}`);
  }
}
