import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Segments become editable (a version for optimistic concurrency), archivable, and of two kinds: a rule tree
 * evaluated live, or a static list of customers imported from a file.
 */
export class SegmentEditingAndStaticLists1796053500001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE campaigns.segment
        ADD COLUMN kind text NOT NULL DEFAULT 'rule',
        ALTER COLUMN rule DROP NOT NULL,
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN updated_at timestamptz,
        ADD COLUMN archived_at timestamptz,
        ADD CONSTRAINT segment_rule_by_kind CHECK ((kind = 'rule') = (rule IS NOT NULL))`);
    await db.query(`
      CREATE TABLE campaigns.segment_member (
        segment_id uuid NOT NULL REFERENCES campaigns.segment (id) ON DELETE CASCADE,
        customer_id uuid NOT NULL,
        PRIMARY KEY (segment_id, customer_id)
      )`);
    await db.query(`CREATE INDEX segment_member_customer_idx ON campaigns.segment_member (customer_id)`);
    // A list names its customers by phone or email as often as by id.
    await db.query(`CREATE INDEX customer_phones_idx ON campaigns.customer USING gin (phones)`);
    await db.query(`CREATE INDEX customer_emails_idx ON campaigns.customer USING gin (emails)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX campaigns.customer_emails_idx`);
    await db.query(`DROP INDEX campaigns.customer_phones_idx`);
    await db.query(`DROP TABLE campaigns.segment_member`);
    await db.query(`DELETE FROM campaigns.segment WHERE kind <> 'rule'`);
    await db.query(`
      ALTER TABLE campaigns.segment
        DROP CONSTRAINT segment_rule_by_kind,
        DROP COLUMN archived_at,
        DROP COLUMN updated_at,
        DROP COLUMN version,
        DROP COLUMN kind,
        ALTER COLUMN rule SET NOT NULL`);
  }
}
