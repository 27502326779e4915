import { MigrationInterface, QueryRunner } from 'typeorm';
import { allMessagingTablesDdl } from '@crm/messaging';

/** analytics's own schema, with its outbox, processed-event and dead-letter tables. */
export class CreateAnalyticsSchema1796054000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA analytics`);
    for (const statement of allMessagingTablesDdl('analytics')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA analytics CASCADE`);
  }
}
