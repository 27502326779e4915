import { MigrationInterface, QueryRunner } from 'typeorm';
import { readAuditTableDdl } from '@crm/platform';

/** Who read which personal data, and when (written by ReadAuditModule). */
export class CreateCustomerMasterReadAudit1767000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of readAuditTableDdl('customer_master')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE customer_master.read_audit`);
  }
}
