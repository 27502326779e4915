import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { migrateDatabase } from '@crm/persistence';
import { createTestDatabase, TestDatabase, testPlatformConfig, withClient } from '@crm/testing';
import { DEFAULT_SERVICE_SETTINGS, ServiceAppModule, serviceMigrations } from '@crm/app-service';
import { runPsqlScript, withUser } from './psql-script';

const ROOT = join(__dirname, '..', '..');

interface ServiceRoles {
  migrator: string;
  app: string;
  migratorUrl: string;
  appUrl: string;
}

/** deploy/sql/database.sql and service-roles.sql for the service app, roles named for this run. */
async function createServiceRoles(database: TestDatabase): Promise<ServiceRoles> {
  const run = randomBytes(4).toString('hex');
  const roles = { migrator: `crm_t${run}_service_migrator`, app: `crm_t${run}_service_app` };
  const passwords = { migrator: randomBytes(12).toString('hex'), app: randomBytes(12).toString('hex') };
  await runPsqlScript(database.url, 'deploy/sql/database.sql');
  await runPsqlScript(database.url, 'deploy/sql/service-roles.sql', {
    schema: 'service',
    migrator: roles.migrator,
    migrator_password: passwords.migrator,
    app: roles.app,
    app_password: passwords.app,
  });
  return {
    ...roles,
    migratorUrl: withUser(database.url, roles.migrator, passwords.migrator),
    appUrl: withUser(database.url, roles.app, passwords.app),
  };
}

async function dropRoles(database: TestDatabase, roles: ServiceRoles | undefined): Promise<void> {
  await database.drop();
  if (!roles) return;
  const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    for (const role of [roles.app, roles.migrator]) await admin.query(`DROP ROLE IF EXISTS ${role}`);
  } finally {
    await admin.end();
  }
}

/** The migrate entry of the images (deploy/migrate.ts), as a Job or compose's one-shot runs it. */
async function migrateCommand(databaseUrl: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      join(ROOT, 'node_modules/ts-node/dist/bin.js'),
      '--transpile-only',
      '-r',
      'tsconfig-paths/register',
      'deploy/migrate.ts',
      'service',
    ],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string).applied;
}

/** What the service's repositories do, and what a DML-only role must never do. */
async function expectReadWriteButNoDdl(appUrl: string): Promise<void> {
  await withClient(appUrl, async (db) => {
    const station = randomUUID();
    await db.query(
      `INSERT INTO service.station (id, code, name, lat, lon) VALUES ($1, 'S1', 'Station', 31.2, 121.4)`,
      [station],
    );
    const [{ number }] = (await db.query(`SELECT nextval('service.ticket_number_seq') AS number`)).rows;
    expect(Number(number)).toBeGreaterThan(0);
    await db.query(`UPDATE service.station SET capacity = 3 WHERE id = $1`, [station]);
    const near = await db.query(
      `SELECT id FROM service.station WHERE earth_distance(ll_to_earth(lat, lon), ll_to_earth(31.2, 121.5)) < 20000`,
    );
    expect(near.rows).toEqual([{ id: station }]);
    // The messaging tables live in the service's schema, with their bigserial sequences.
    await db.query(
      `INSERT INTO service.outbox_message (event_id, topic, message_key, envelope, headers)
       VALUES ($1, 'crm.ticket.v1', $2, '{}', '{}')`,
      [randomUUID(), station],
    );
    await db.query(`INSERT INTO service.processed_event (consumer, event_id) VALUES ('test', $1)`, [
      randomUUID(),
    ]);
    await db.query(
      `INSERT INTO service.dead_letter (consumer, topic, message, headers, error, attempts)
       VALUES ('test', 't', 'm', '{}', 'e', 1)`,
    );
    await db.query(`DELETE FROM service.station WHERE id = $1`, [station]);

    for (const ddl of [
      `CREATE TABLE service.intruder (id int)`,
      `CREATE TABLE public.intruder (id int)`,
      `CREATE SCHEMA intruder`,
      `DROP TABLE service.dead_letter`,
      `ALTER TABLE service.ticket ADD COLUMN intruder int`,
      `CREATE INDEX intruder_idx ON service.ticket (vin)`,
      `TRUNCATE service.processed_event`,
      `DELETE FROM public.migrations_service`,
    ]) {
      await expect(db.query(ddl)).rejects.toThrow(/permission denied|must be owner/);
    }
  });
}

describe('database roles for a deployment (deploy/sql, deploy/migrate.ts, DATABASE_MIGRATIONS=skip)', () => {
  let database: TestDatabase;
  let roles: ServiceRoles | undefined;

  beforeEach(async () => {
    database = await createTestDatabase('deploy_roles');
    roles = undefined;
  });

  afterEach(() => dropRoles(database, roles));

  it('migrates as the migrator role, then runs the service with a role that reads and writes but cannot change the schema', async () => {
    roles = await createServiceRoles(database);

    expect(await migrateCommand(roles.migratorUrl)).toEqual(serviceMigrations.map((m) => m.name));
    expect(await migrateCommand(roles.migratorUrl)).toEqual([]);
    await expectReadWriteButNoDdl(roles.appUrl);

    const config = testPlatformConfig({
      DATABASE_URL: roles.appUrl,
      DATABASE_MIGRATIONS: 'skip',
      AUTH_JWKS_URL: 'http://127.0.0.1:9/auth/jwks',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [ServiceAppModule.forRoot(config, DEFAULT_SERVICE_SETTINGS)],
    }).compile();
    const app: INestApplication = moduleRef.createNestApplication({ logger: ['error'] });
    await app.init();
    try {
      await request(app.getHttpServer()).get('/health/ready').expect(200);
    } finally {
      await app.close();
    }
  });

  it('hands a schema an earlier release migrated at start (one shared role) over to the migrator and the app role', async () => {
    await runPsqlScript(database.url, 'deploy/sql/database.sql');
    await migrateDatabase({ service: 'service', databaseUrl: database.url, migrations: serviceMigrations });
    roles = await createServiceRoles(database);

    expect(await migrateCommand(roles.migratorUrl)).toEqual([]);
    await expectReadWriteButNoDdl(roles.appUrl);
  });
});
