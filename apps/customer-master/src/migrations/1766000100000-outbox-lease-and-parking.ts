import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxLeaseAndParkingDdl, outboxLeaseAndParkingDownDdl } from '@crm/messaging';

/** The outbox relay leases rows while publishing and parks rows the broker can never take. */
export class CustomerMasterOutboxLeaseAndParking1766000100000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of outboxLeaseAndParkingDdl('customer_master')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of outboxLeaseAndParkingDownDdl('customer_master')) await db.query(statement);
  }
}
