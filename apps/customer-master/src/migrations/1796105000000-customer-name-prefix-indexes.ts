import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * B-trees that give a name search its exact and prefix matches in name order, so a page of a lone
 * common surname (王: tens of thousands of people) is read from the first index entries instead of
 * scoring every namesake. Byte order (text_pattern_ops) serves `LIKE 'x%'`; the id breaks ties so
 * paging is stable among people of the same name.
 */
export class CustomerNamePrefixIndexes1796105000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX customer_name_prefix_idx ON customer_master.customer (name text_pattern_ops, id)
        WHERE status = 'active'`,
    );
    await db.query(
      `CREATE INDEX customer_name_latin_prefix_idx
          ON customer_master.customer ((replace(name_latin, ' ', '')) text_pattern_ops, id)
       WHERE status = 'active'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX customer_master.customer_name_latin_prefix_idx`);
    await db.query(`DROP INDEX customer_master.customer_name_prefix_idx`);
  }
}
