import { MigrationInterface, QueryRunner } from 'typeorm';
import { allMessagingTablesDdl } from '@crm/messaging';

/**
 * integration's own schema: its messaging tables, the map from each source system's ids to CRM ids
 * (what makes an inbound sync idempotent) with the leases that let one request at a time import a
 * record, and the answers stored under an `Idempotency-Key`.
 */
export class CreateIntegrationSchema1796056000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA integration`);
    for (const statement of allMessagingTablesDdl('integration')) await db.query(statement);
    await db.query(`
      CREATE TABLE integration.external_ref (
        source        text NOT NULL,
        external_type text NOT NULL,
        external_id   text NOT NULL,
        crm_id        uuid NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, external_type, external_id)
      )`);
    await db.query(`
      CREATE TABLE integration.external_ref_lease (
        lease_key   text PRIMARY KEY,
        holder      uuid NOT NULL,
        held_until  timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE integration.idempotent_request (
        caller          text NOT NULL,
        idempotency_key text NOT NULL,
        request_hash    text NOT NULL,
        response        jsonb,
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (caller, idempotency_key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA integration CASCADE`);
  }
}
