import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * System clients (ADR 0054): API clients bound to no partner, holding one system role (billing, erp). They share the
 * client table, so a client id is unique across both kinds and the client credentials grant looks in one place.
 */
export class AllowSystemClients1796230000300 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE identity.partner_client ALTER COLUMN partner_id DROP NOT NULL`);
    await db.query(`ALTER TABLE identity.partner_client ALTER COLUMN partner_kind DROP NOT NULL`);
    await db.query(
      `ALTER TABLE identity.partner_client ADD CONSTRAINT partner_client_partner_or_system
         CHECK ((partner_id IS NULL) = (partner_kind IS NULL))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM identity.partner_client WHERE partner_id IS NULL`);
    await db.query(`ALTER TABLE identity.partner_client DROP CONSTRAINT partner_client_partner_or_system`);
    await db.query(`ALTER TABLE identity.partner_client ALTER COLUMN partner_kind SET NOT NULL`);
    await db.query(`ALTER TABLE identity.partner_client ALTER COLUMN partner_id SET NOT NULL`);
  }
}
