import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Built after the backfill rather than kept up during it. `owned_models && $models` uses the GIN index and
 * `purchase_dates && daterange(...)` the GiST one (a multirange GiST index answers overlap with a range), for
 * segments without a region. The region and city covering indexes (1796062000000) now carry them and the consented
 * channels too, so a segment on a region, owned vehicles and consent is answered from the region's index entries
 * alone (ADR 0060).
 */
export class SegmentColumnsIndexes1796270020003 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX customer_owned_models_idx ON campaigns.customer USING gin (owned_models)`);
    await db.query(
      `CREATE INDEX customer_purchase_dates_idx ON campaigns.customer USING gist (purchase_dates)`,
    );
    await this.coverRegionAndCity(db, ', owned_models, purchase_dates, consented_channels');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX campaigns.customer_owned_models_idx, campaigns.customer_purchase_dates_idx`);
    await this.coverRegionAndCity(db, '');
  }

  private async coverRegionAndCity(db: QueryRunner, ownedVehicles: string): Promise<void> {
    await db.query(`DROP INDEX campaigns.customer_province_idx, campaigns.customer_city_idx`);
    await db.query(
      `CREATE INDEX customer_province_idx ON campaigns.customer (province) INCLUDE (id, name, city${ownedVehicles})`,
    );
    await db.query(
      `CREATE INDEX customer_city_idx ON campaigns.customer (city) INCLUDE (id, name, province${ownedVehicles})`,
    );
  }
}
