import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually } from '@crm/testing';
import { freePort } from '../../../test/infra/kafka/kafka-broker';
import { DemoLogin } from '../src/demo-seed/demo-seed.service';

const ROOT = resolve(__dirname, '../../..');

/**
 * Starts the embedded default as `npm start` does, in a child process: PGlite's extensions are
 * ES modules, which Jest's module runtime cannot load in-process.
 */
describe('the embedded default', () => {
  let child: ChildProcess;
  let dataDir: string;
  let baseUrl: string;
  let output = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-embedded-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(port),
      DEMO_CUSTOMERS: '12',
    };
    child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/all-in-one/src/main.ts',
      ],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    await eventually(() => expect(output).toContain('Demo logins'), 150_000, 250);
  }, 180_000);

  afterAll(async () => {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers on its health endpoint with every dependency up, and prints where to go', async () => {
    const response = await fetch(`${baseUrl}/health/ready`);
    expect(response.status).toBe(200);
    expect(Object.keys(((await response.json()) as { details: object }).details)).toEqual([
      'database',
      'events:in-process',
      'cache:memory',
    ]);
    expect(output).toContain(`API docs: ${baseUrl}/docs`);
  });

  it('seeds demo data that a seeded login can read', async () => {
    const logins: DemoLogin[] = JSON.parse(readFileSync(join(dataDir, 'demo-logins.json'), 'utf8'));
    const agent = logins.find((login) => login.username === 'agent') as DemoLogin;
    const token = await fetch(`${baseUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username: agent.username, password: agent.password }),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const customers = await fetch(`${baseUrl}/customers?limit=100`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    }).then((r) => r.json() as Promise<{ items: { name: string }[] }>);
    expect(customers.items).toHaveLength(12);
    expect(customers.items.some((c: { name: string }) => /[\u4e00-\u9fff]/.test(c.name))).toBe(true);
  });
});
