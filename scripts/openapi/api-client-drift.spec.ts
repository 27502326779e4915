import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findApiApps, ROOT } from './app-documents';

const GENERATOR = join(__dirname, 'generate-api-client.ts');

/** openapi-typescript loads ES modules that jest's module system cannot: the check runs in plain Node. */
async function check(): Promise<{ code: number; output: string }> {
  const args = [
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    GENERATOR,
    '--check',
  ];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the generated API client types', () => {
  it('exist for every app with its own document, and no other', () => {
    const expected = findApiApps()
      .filter((app) => !app.composite)
      .map((app) => `${app.name}.ts`)
      .concat('index.ts');
    expect(readdirSync(join(ROOT, 'libs', 'api-client', 'src', 'generated')).sort()).toEqual(expected.sort());
  });

  it('match a fresh generation from the apps’ documents (else run `npm run api:generate`)', async () => {
    const result = await check();
    expect(result.output).not.toMatch(/out of date|Error/);
    expect(result.code).toBe(0);
  }, 120_000);
});
