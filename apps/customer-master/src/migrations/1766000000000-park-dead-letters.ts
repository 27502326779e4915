import { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingParkingDdl, messagingParkingDownDdl } from '@crm/messaging';

export class ParkCustomerMasterDeadLetters1766000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of messagingParkingDdl('customer_master')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of messagingParkingDownDdl('customer_master')) await db.query(statement);
  }
}
