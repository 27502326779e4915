import { hash } from 'bcryptjs';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { Roles } from '@crm/contracts';
import { dropSecondaryIndexes, IndexDefinition, withClient } from '../bench-database';
import { log } from '../latency-stats';
import { BenchCustomer, copyCustomers, copyHistory, copyPartners } from './agent-data';

export interface WorldSize {
  customers: number;
  dealers: number;
  stations: number;
  agents: number;
}

export interface WorldDatabases {
  identity: string;
  customerMaster: string;
  callCenter: string;
  service: string;
}

export const AGENT_PASSWORD = 'bench-agent-password';
/** As identity hashes passwords (bcrypt cost 10), so a sign-in costs what it costs in production. */
const BCRYPT_COST = 10;

const BULK_TABLES: [keyof WorldDatabases, string, string[]][] = [
  ['customerMaster', 'customer_master', ['customer', 'customer_phone', 'vehicle']],
  [
    'callCenter',
    'call_center',
    ['customer', 'customer_phone', 'vehicle', 'ticket', 'repair', 'interaction', 'partner'],
  ],
];

export function agentUsername(n: number): string {
  return `agent${String(n).padStart(5, '0')}`;
}

/** Agents as identity's admin would create them, all with one password (hashed once: bcrypt is slow on purpose). */
async function createAgents(identityUrl: string, count: number): Promise<void> {
  const passwordHash = await hash(AGENT_PASSWORD, BCRYPT_COST);
  await withClient(identityUrl, (client) =>
    client.query(
      `INSERT INTO identity.user_account (id, username, display_name, password_hash, roles)
       SELECT gen_random_uuid(), 'agent' || lpad(n::text, 5, '0'), '坐席 ' || n, $1, $2
         FROM generate_series(0, $3 - 1) AS n`,
      [passwordHash, [Roles.agent], count],
    ),
  );
}

async function rebuild(url: string, indexes: IndexDefinition[]): Promise<void> {
  await Promise.all(
    indexes.map((index) =>
      withClient(url, async (client) => {
        await client.query(`SET maintenance_work_mem = '256MB'`);
        await client.query(index.indexdef);
      }),
    ),
  );
}

async function connected(urls: WorldDatabases): Promise<Record<keyof WorldDatabases, Client>> {
  const clients = Object.fromEntries(
    Object.entries(urls).map(([name, url]) => [name, new Client({ connectionString: url })]),
  ) as Record<keyof WorldDatabases, Client>;
  await Promise.all(Object.values(clients).map((client) => client.connect()));
  return clients;
}

/**
 * Loads the world the agents work in straight into each service's own tables with COPY (secondary
 * indexes dropped around it and rebuilt from their own definitions), as if every event had been
 * consumed; then the agents' accounts in identity. Returns the customers, to build calls from.
 */
export async function loadWorld(urls: WorldDatabases, size: WorldSize): Promise<BenchCustomer[]> {
  const started = performance.now();
  const db = await connected(urls);
  try {
    const dropped = await Promise.all(
      BULK_TABLES.map(async ([name, schema, tables]) => ({
        name,
        indexes: await dropSecondaryIndexes(db[name], schema, tables),
      })),
    );
    const partners = await copyPartners(db, size.dealers, size.stations);
    const customers = await copyCustomers(db, size.customers, partners);
    await copyHistory(db.callCenter, customers, partners);
    await Promise.all(dropped.map(({ name, indexes }) => rebuild(urls[name], indexes)));
    await Promise.all([
      db.customerMaster.query('VACUUM ANALYZE'),
      db.callCenter.query('VACUUM ANALYZE'),
      db.service.query('VACUUM ANALYZE service.station'),
    ]);
    await createAgents(urls.identity, size.agents);
    log(
      `loaded ${size.customers} customers with phones, vehicles and history, ${size.dealers} dealers, ` +
        `${size.stations} stations and ${size.agents} agent accounts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return customers;
  } finally {
    await Promise.all(Object.values(db).map((client) => client.end()));
  }
}
