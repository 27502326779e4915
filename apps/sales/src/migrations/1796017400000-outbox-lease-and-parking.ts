import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxLeaseAndParkingDdl, outboxLeaseAndParkingDownDdl } from '@crm/messaging';

/** The outbox relay leases rows while publishing and parks rows the broker can never take. */
export class SalesOutboxLeaseAndParking1796017400000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of outboxLeaseAndParkingDdl('sales')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of outboxLeaseAndParkingDownDdl('sales')) await db.query(statement);
  }
}
