import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxLeaseAndParkingDdl, outboxLeaseAndParkingDownDdl } from '@crm/messaging';

/** The outbox relay leases rows while publishing and parks rows the broker can never take. */
export class CallCenterOutboxLeaseAndParking1766000120000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of outboxLeaseAndParkingDdl('call_center')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of outboxLeaseAndParkingDownDdl('call_center')) await db.query(statement);
  }
}
