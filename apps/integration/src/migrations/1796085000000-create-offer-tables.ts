import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offers to billing (ADR 0043): the offer rules, what integration knows of each customer from events (value tier,
 * last service visit), and the offers granted, at most one active (granted or applied) per rule and customer.
 */
export class CreateOfferTables1796085000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE integration.offer_rule (
        rule_id              uuid PRIMARY KEY,
        name                 text NOT NULL,
        tier                 text NOT NULL,
        months_since_service integer NOT NULL,
        title                text NOT NULL,
        kind                 text NOT NULL,
        value                numeric NOT NULL,
        currency             text,
        applies_to           text NOT NULL,
        validity_days        integer NOT NULL,
        enabled              boolean NOT NULL,
        created_at           timestamptz NOT NULL,
        updated_at           timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE integration.offer_customer (
        customer_id     uuid PRIMARY KEY,
        tier            text,
        tier_at         timestamptz,
        last_service_at timestamptz
      )`);
    await db.query(`CREATE INDEX offer_customer_tier ON integration.offer_customer (tier)`);
    await db.query(`
      CREATE TABLE integration.offer_grant (
        offer_id    uuid PRIMARY KEY,
        rule_id     uuid NOT NULL REFERENCES integration.offer_rule (rule_id),
        customer_id uuid NOT NULL,
        state       jsonb NOT NULL,
        status      text NOT NULL,
        valid_until timestamptz NOT NULL,
        applied_at  timestamptz,
        reference   text,
        ended_at    timestamptz
      )`);
    await db.query(
      `CREATE UNIQUE INDEX offer_grant_one_active ON integration.offer_grant (rule_id, customer_id)
        WHERE status IN ('granted', 'applied')`,
    );
    await db.query(`CREATE INDEX offer_grant_customer ON integration.offer_grant (customer_id)`);
    await db.query(
      `CREATE INDEX offer_grant_due ON integration.offer_grant (valid_until) WHERE status IN ('granted', 'applied')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE integration.offer_grant`);
    await db.query(`DROP TABLE integration.offer_customer`);
    await db.query(`DROP TABLE integration.offer_rule`);
  }
}
