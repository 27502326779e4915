import { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDdl } from '@crm/messaging';

/** sales's own schema, with its outbox and processed-event tables. */
export class CreateSalesSchema1796016850855 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA sales`);
    for (const statement of messagingTablesDdl('sales')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA sales CASCADE`);
  }
}
