import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentitySchema1764000050000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA identity`);
    await db.query(`CREATE TABLE identity.user_account (
      id uuid PRIMARY KEY,
      username text NOT NULL,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      roles text[] NOT NULL,
      partner_id uuid,
      partner_kind text CHECK (partner_kind IN ('dealer', 'repair_station')),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((partner_id IS NULL) = (partner_kind IS NULL))
    )`);
    await db.query(
      `CREATE UNIQUE INDEX user_account_username_key ON identity.user_account (lower(username))`,
    );
    await db.query(`CREATE TABLE identity.partner_client (
      client_id text PRIMARY KEY,
      secret_hash text NOT NULL,
      partner_id uuid NOT NULL,
      partner_kind text NOT NULL CHECK (partner_kind IN ('dealer', 'repair_station')),
      name text NOT NULL,
      roles text[] NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE INDEX partner_client_partner_idx ON identity.partner_client (partner_id)`);
    await db.query(`CREATE TABLE identity.signing_key (
      kid text PRIMARY KEY,
      private_jwk jsonb NOT NULL,
      public_jwk jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      active boolean NOT NULL DEFAULT true
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA identity CASCADE`);
  }
}
