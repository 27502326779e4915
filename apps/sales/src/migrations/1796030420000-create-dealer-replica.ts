import { MigrationInterface, QueryRunner } from 'typeorm';
import { GEO_EXTENSIONS, geoIndexSql } from '@crm/persistence';

/** The dealers leads are assigned to: location and brands, from customer-master's partner events. */
export class CreateDealerReplica1796030420000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const extension of GEO_EXTENSIONS) await db.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`);
    await db.query(`
      CREATE TABLE sales.dealer (
        partner_id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        brands text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await db.query(geoIndexSql('dealer_location_idx', 'sales.dealer'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sales.dealer`);
  }
}
