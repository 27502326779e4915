import { MigrationInterface, QueryRunner } from 'typeorm';

/** Models and trims retired from sale: no longer offered on new lines or quotes, still shown on old ones. */
export class AddCatalogRetirement1796052000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sales.catalog_model ADD COLUMN retired_at timestamptz`);
    await db.query(`ALTER TABLE sales.catalog_trim ADD COLUMN retired_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sales.catalog_trim DROP COLUMN retired_at`);
    await db.query(`ALTER TABLE sales.catalog_model DROP COLUMN retired_at`);
  }
}
