import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who disabled whom or rotated which secret; signing keys get retired instead of deleted. */
export class AddIdentityAuditAndKeyRotation1764000060000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE identity.audit_log (
      id bigserial PRIMARY KEY,
      actor_id text NOT NULL,
      actor_kind text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      correlation_id text,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE INDEX audit_log_entity_idx ON identity.audit_log (entity_id, at)`);
    await db.query(`ALTER TABLE identity.signing_key ADD COLUMN retired_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE identity.signing_key DROP COLUMN retired_at`);
    await db.query(`DROP TABLE identity.audit_log`);
  }
}
