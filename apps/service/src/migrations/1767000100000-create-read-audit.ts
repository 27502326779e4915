import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who read which personal data, and when (written by ReadAuditModule). */
export class CreateServiceReadAudit1767000100000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE service.read_audit (
      id bigserial PRIMARY KEY,
      actor_id text NOT NULL,
      roles text[] NOT NULL,
      partner_id text,
      action text NOT NULL,
      entity_id text,
      result_ids text[] NOT NULL DEFAULT '{}',
      correlation_id text,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE INDEX read_audit_entity_idx ON service.read_audit (entity_id, at)`);
    await db.query(`CREATE INDEX read_audit_actor_idx ON service.read_audit (actor_id, at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE service.read_audit`);
  }
}
