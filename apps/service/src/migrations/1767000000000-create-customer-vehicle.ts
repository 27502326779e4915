import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomerVehicle1767000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE service.customer_vehicle (
      vehicle_id uuid PRIMARY KEY,
      vin text NOT NULL,
      brand text NOT NULL,
      owner_customer_id uuid NOT NULL,
      selling_dealer_id uuid,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE INDEX customer_vehicle_vin ON service.customer_vehicle (vin)`);
    await db.query(`CREATE INDEX customer_vehicle_owner ON service.customer_vehicle (owner_customer_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE service.customer_vehicle`);
  }
}
