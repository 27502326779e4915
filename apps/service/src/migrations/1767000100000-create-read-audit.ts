import { MigrationInterface, QueryRunner } from 'typeorm';
import { readAuditTableDdl } from '@crm/platform';

/** Who read which personal data, and when (written by ReadAuditModule). */
export class CreateServiceReadAudit1767000100000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of readAuditTableDdl('service')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE service.read_audit`);
  }
}
