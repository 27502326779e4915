import { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingParkingDdl, messagingParkingDownDdl } from '@crm/messaging';

export class ParkSalesDeadLetters1796017300000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of messagingParkingDdl('sales')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of messagingParkingDownDdl('sales')) await db.query(statement);
  }
}
