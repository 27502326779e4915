import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A segment over a region visits every customer of it (tens of thousands at a million customers) and probes their
 * vehicles and consent for each. Covering indexes answer those probes from the index alone (no heap page per
 * customer): the region and city indexes carry what a count and a preview read, and one vehicle index by owner
 * carries model and purchase date (it replaces the owner-only one); the model and purchase date indexes carry the
 * owner, so a plan that starts from the vehicles never reads their rows either.
 */
export class SegmentCoveringIndexes1796062000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX campaigns.customer_province_idx`);
    await db.query(`DROP INDEX campaigns.customer_city_idx`);
    await db.query(`DROP INDEX campaigns.vehicle_owner_idx`);
    await db.query(`DROP INDEX campaigns.vehicle_model_idx`);
    await db.query(`DROP INDEX campaigns.vehicle_purchase_date_idx`);
    await db.query(
      `CREATE INDEX customer_province_idx ON campaigns.customer (province) INCLUDE (id, name, city)`,
    );
    await db.query(
      `CREATE INDEX customer_city_idx ON campaigns.customer (city) INCLUDE (id, name, province)`,
    );
    await db.query(
      `CREATE INDEX vehicle_owner_idx ON campaigns.vehicle (owner_customer_id) INCLUDE (model, purchase_date)`,
    );
    await db.query(`CREATE INDEX vehicle_model_idx ON campaigns.vehicle (model) INCLUDE (owner_customer_id)`);
    await db.query(
      `CREATE INDEX vehicle_purchase_date_idx ON campaigns.vehicle (purchase_date) INCLUDE (owner_customer_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    const covering = ['customer_province_idx', 'customer_city_idx', 'vehicle_owner_idx', 'vehicle_model_idx'];
    for (const index of [...covering, 'vehicle_purchase_date_idx'])
      await db.query(`DROP INDEX campaigns.${index}`);
    await db.query(`CREATE INDEX customer_city_idx ON campaigns.customer (city)`);
    await db.query(`CREATE INDEX customer_province_idx ON campaigns.customer (province)`);
    await db.query(`CREATE INDEX vehicle_owner_idx ON campaigns.vehicle (owner_customer_id)`);
    await db.query(`CREATE INDEX vehicle_model_idx ON campaigns.vehicle (model)`);
    await db.query(`CREATE INDEX vehicle_purchase_date_idx ON campaigns.vehicle (purchase_date)`);
  }
}
