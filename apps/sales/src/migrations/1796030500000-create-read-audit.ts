import { MigrationInterface, QueryRunner } from 'typeorm';
import { readAuditTableDdl } from '@crm/platform';

/** Who read which personal data in sales, and when (written by ReadAuditModule, ADR 0013). */
export class CreateSalesReadAudit1796030500000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of readAuditTableDdl('sales')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sales.read_audit`);
  }
}
