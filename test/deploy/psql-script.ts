import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '..', '..');

/**
 * Runs one of deploy/sql/*.sql as psql would with `-v name=value`: each :'name' becomes a quoted
 * literal. The scripts use no other psql feature, so the tests need no psql binary.
 */
export async function runPsqlScript(
  databaseUrl: string,
  file: string,
  variables: Record<string, string> = {},
): Promise<void> {
  const sql = readFileSync(join(ROOT, file), 'utf8').replace(/:'([a-z_]+)'/g, (_, name: string) => {
    const value = variables[name];
    if (value === undefined) throw new Error(`${file} needs the psql variable ${name}`);
    return `'${value.replace(/'/g, "''")}'`;
  });
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function withUser(databaseUrl: string, user: string, password: string): string {
  const url = new URL(databaseUrl);
  url.username = user;
  url.password = password;
  return url.toString();
}
