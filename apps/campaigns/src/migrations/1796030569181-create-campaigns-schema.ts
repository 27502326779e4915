import { MigrationInterface, QueryRunner } from 'typeorm';
import { allMessagingTablesDdl } from '@crm/messaging';

/** campaigns's own schema, with its outbox, processed-event and dead-letter tables. */
export class CreateCampaignsSchema1796030569181 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA campaigns`);
    for (const statement of allMessagingTablesDdl('campaigns')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA campaigns CASCADE`);
  }
}
