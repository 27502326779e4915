import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duplicate search looks emails up for every registration and every batch (ADR 0049). With GIN's fast
 * update, each of those scans also reads the pending list of recent inserts (up to 4 MB): under a bulk import
 * that was most of a batch's search. Inserting one or two emails straight into the index costs little.
 */
export class EmailsIndexWithoutPendingList1796190000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX customer_master.customer_emails_idx SET (fastupdate = off)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX customer_master.customer_emails_idx RESET (fastupdate)`);
  }
}
