import { MigrationInterface, QueryRunner } from 'typeorm';
import { readAuditTableDdl } from '@crm/platform';

/** Who saw which customers in a segment preview, and when (written by ReadAuditModule, ADR 0013). */
export class CreateCampaignsReadAudit1796051000100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of readAuditTableDdl('campaigns')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE campaigns.read_audit`);
  }
}
