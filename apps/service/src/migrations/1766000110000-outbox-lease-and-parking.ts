import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxLeaseAndParkingDdl, outboxLeaseAndParkingDownDdl } from '@crm/messaging';

/** The outbox relay leases rows while publishing and parks rows the broker can never take. */
export class ServiceOutboxLeaseAndParking1766000110000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of outboxLeaseAndParkingDdl('service')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of outboxLeaseAndParkingDownDdl('service')) await db.query(statement);
  }
}
