import { MigrationInterface, QueryRunner } from 'typeorm';
import { readAuditTableDdl } from '@crm/platform';

/** Who read which personal data, and when (written by ReadAuditModule). */
export class CreateCallCenterReadAudit1767000100000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of readAuditTableDdl('call_center')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE call_center.read_audit`);
  }
}
