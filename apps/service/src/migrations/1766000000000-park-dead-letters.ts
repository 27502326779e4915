import { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingParkingDdl, messagingParkingDownDdl } from '@crm/messaging';

export class ParkServiceDeadLetters1766000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of messagingParkingDdl('service')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of messagingParkingDownDdl('service')) await db.query(statement);
  }
}
