import { MigrationInterface, QueryRunner } from 'typeorm';

/** The admin console reads the audit log newest first, by actor or over a time range. */
export class IndexIdentityAuditLogByTime1796075000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX audit_log_at_idx ON identity.audit_log (at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_log_actor_idx ON identity.audit_log (actor_id, at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX identity.audit_log_actor_idx`);
    await db.query(`DROP INDEX identity.audit_log_at_idx`);
  }
}
