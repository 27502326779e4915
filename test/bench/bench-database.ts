import { Client } from 'pg';
import { withClient } from '@crm/testing';

export { withClient };

/** The URL of `database` on the server `adminUrl` points at. */
export function databaseUrlFor(adminUrl: string, database: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`not a plain database name: ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Drops `database` (disconnecting whoever uses it), creates it empty and returns its URL. */
export async function recreateDatabase(adminUrl: string, database: string): Promise<string> {
  const url = databaseUrlFor(adminUrl, database);
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database}`);
  });
  return url;
}

export interface IndexDefinition {
  indexname: string;
  indexdef: string;
}

/** Drops the indexes of `tables` that back no constraint (primary key, unique), to COPY without them; returns their definitions to rebuild. */
export async function dropSecondaryIndexes(
  client: Client,
  schema: string,
  tables: string[],
): Promise<IndexDefinition[]> {
  const { rows: indexes } = await client.query<IndexDefinition>(
    `SELECT indexname, indexdef FROM pg_indexes i
      WHERE schemaname = $1 AND tablename = ANY($2)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                         WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [schema, tables],
  );
  for (const index of indexes) await client.query(`DROP INDEX ${schema}.${index.indexname}`);
  return indexes;
}
