import { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingParkingDdl, messagingParkingDownDdl } from '@crm/messaging';

export class ParkCallCenterDeadLetters1766000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of messagingParkingDdl('call_center')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of messagingParkingDownDdl('call_center')) await db.query(statement);
  }
}
