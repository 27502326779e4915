import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomerLocation1764100100000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE service.customer_location (
      customer_id uuid PRIMARY KEY,
      lat double precision NOT NULL,
      lon double precision NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE service.customer_location`);
  }
}
