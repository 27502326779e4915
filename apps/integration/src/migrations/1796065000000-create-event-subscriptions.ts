import { MigrationInterface, QueryRunner } from 'typeorm';
import { webhookAttemptTableDdl } from '@crm/webhooks';

/**
 * Event subscriptions (ADR 0037): who receives which events where, the bounded log of consumed events that replays
 * read from, and the deliveries with every attempt (the same shape as the station webhooks').
 */
export class CreateEventSubscriptions1796065000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE integration.subscription (
        id                   uuid PRIMARY KEY,
        owner_id             text NOT NULL,
        partner_id           uuid,
        url                  text NOT NULL,
        event_types          text[] NOT NULL,
        filters              jsonb NOT NULL DEFAULT '{}',
        secret               text NOT NULL,
        status               text NOT NULL CHECK (status IN ('active', 'paused')),
        consecutive_failures integer NOT NULL DEFAULT 0,
        failing_since        timestamptz,
        paused_at            timestamptz,
        pause_reason         text,
        created_by           text NOT NULL,
        created_at           timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX subscription_event_types_idx ON integration.subscription USING gin (event_types)`,
    );
    await db.query(`CREATE INDEX subscription_partner_idx ON integration.subscription (partner_id)`);
    await db.query(`
      CREATE TABLE integration.event_log (
        event_id    uuid PRIMARY KEY,
        type        text NOT NULL,
        occurred_at timestamptz NOT NULL,
        envelope    jsonb NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX event_log_type_time_idx ON integration.event_log (type, occurred_at)`);
    await db.query(`CREATE INDEX event_log_received_idx ON integration.event_log (received_at)`);
    await db.query(`
      CREATE TABLE integration.subscription_delivery (
        id               uuid PRIMARY KEY,
        seq              bigserial NOT NULL,
        subscription_id  uuid NOT NULL REFERENCES integration.subscription (id) ON DELETE CASCADE,
        event_id         uuid NOT NULL,
        event_type       text NOT NULL,
        occurred_at      timestamptz NOT NULL,
        replayed         boolean NOT NULL DEFAULT false,
        body             text NOT NULL,
        status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz,
        last_http_status integer,
        last_error       text,
        created_at       timestamptz NOT NULL,
        delivered_at     timestamptz
      )`);
    await db.query(`CREATE INDEX subscription_delivery_pending_idx ON integration.subscription_delivery
      (subscription_id, seq) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX subscription_delivery_log_idx ON integration.subscription_delivery
      (subscription_id, created_at DESC)`);
    await db.query(
      webhookAttemptTableDdl({
        deliveries: 'integration.subscription_delivery',
        attempts: 'integration.subscription_attempt',
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE integration.subscription_attempt`);
    await db.query(`DROP TABLE integration.subscription_delivery`);
    await db.query(`DROP TABLE integration.event_log`);
    await db.query(`DROP TABLE integration.subscription`);
  }
}
