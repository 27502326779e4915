import { MigrationInterface, QueryRunner } from 'typeorm';
import { allMessagingTablesDdl } from '@crm/messaging';

/** web-tracking's own schema, with its outbox, processed-event and dead-letter tables. */
export class CreateWebTrackingSchema1796090000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA web_tracking`);
    for (const statement of allMessagingTablesDdl('web_tracking')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA web_tracking CASCADE`);
  }
}
