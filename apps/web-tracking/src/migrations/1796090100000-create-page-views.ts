import { MigrationInterface, QueryRunner } from 'typeorm';

/** Visitors, their page views, the customers' consent replica and browsing profiles (ADR 0044). */
export class CreatePageViews1796090100000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE web_tracking.visitor (
        visitor_id uuid PRIMARY KEY,
        customer_id uuid,
        linked_by text CHECK (linked_by IN ('login', 'campaign')),
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX visitor_customer_idx ON web_tracking.visitor (customer_id)`);
    await db.query(`
      CREATE TABLE web_tracking.page_view (
        visitor_id uuid NOT NULL,
        view_id uuid NOT NULL,
        customer_id uuid,
        sequence integer NOT NULL,
        path text NOT NULL,
        category text,
        model text,
        viewed_at timestamptz NOT NULL,
        dwell_ms integer,
        PRIMARY KEY (visitor_id, view_id)
      )`);
    await db.query(`CREATE INDEX page_view_customer_idx ON web_tracking.page_view (customer_id, viewed_at)`);
    await db.query(`CREATE INDEX page_view_viewed_at_idx ON web_tracking.page_view (viewed_at)`);
    await db.query(`
      CREATE TABLE web_tracking.customer_consent (
        customer_id uuid PRIMARY KEY,
        tracking_allowed boolean NOT NULL,
        source_occurred_at timestamptz NOT NULL,
        source_sequence bigint
      )`);
    await db.query(`
      CREATE TABLE web_tracking.browsing_profile (
        customer_id uuid PRIMARY KEY,
        models text[] NOT NULL,
        interests text[] NOT NULL,
        visits integer NOT NULL,
        last_visit_at timestamptz NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE TABLE web_tracking.erased_customer (customer_id uuid PRIMARY KEY)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['erased_customer', 'browsing_profile', 'customer_consent', 'page_view', 'visitor'])
      await db.query(`DROP TABLE web_tracking.${table}`);
  }
}
