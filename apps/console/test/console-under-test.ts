import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');

export interface DemoLogin {
  username: string;
  password: string;
  roles: string;
}

/** The all-in-one embedded default as `npm start` runs it (PGlite, demo seed, the console's build), on a fresh data folder. */
export class ConsoleUnderTest {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess | null,
    readonly dataDir: string,
  ) {}

  /**
   * CONSOLE_TEST_URL and CONSOLE_TEST_DATA_DIR attach to a running one instead: the one the browser suites'
   * global setup starts, or an `npm start` while working on the tests.
   */
  static async start(): Promise<ConsoleUnderTest> {
    const { CONSOLE_TEST_URL, CONSOLE_TEST_DATA_DIR } = process.env;
    if (CONSOLE_TEST_URL && CONSOLE_TEST_DATA_DIR)
      return new ConsoleUnderTest(CONSOLE_TEST_URL, null, CONSOLE_TEST_DATA_DIR);
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-console-'));
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/all-in-one/src/main.ts',
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          // Fewer than the demo's 300 customers: the seed is most of the start-up.
          DEMO_CUSTOMERS: '40',
          LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output: string[] = [];
    const url = await new Promise<string>((resolveUrl, reject) => {
      const onData = (chunk: Buffer) => {
        output.push(chunk.toString());
        const ready = /Console: (http:\/\/\S+)\/console\//.exec(output.join(''));
        if (ready) resolveUrl(ready[1]);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.once('exit', (code) => reject(new Error(`the all-in-one exited (${code}):\n${output.join('')}`)));
    });
    return new ConsoleUnderTest(url, child, dataDir);
  }

  /** Logins a suite made through the API (`POST /users`), signed in like the demo ones. */
  private readonly madeLogins: DemoLogin[] = [];

  remember(login: DemoLogin): void {
    this.madeLogins.push(login);
  }

  logins(): DemoLogin[] {
    return JSON.parse(readFileSync(join(this.dataDir, 'demo-logins.json'), 'utf8')) as DemoLogin[];
  }

  login(username: string): DemoLogin {
    const login = [...this.madeLogins, ...this.logins()].find((candidate) => candidate.username === username);
    if (!login) throw new Error(`no demo login ${username}`);
    return login;
  }

  /** A bearer token, for arranging and checking through the API what the browser does not show. */
  async token(username: string): Promise<string> {
    const { password } = this.login(username);
    const response = await fetch(`${this.url}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username, password }),
    });
    if (!response.ok) throw new Error(`token for ${username}: ${response.status}`);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  async api<T>(username: string, path: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${await this.token(username)}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
    if (!response.ok)
      throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Where screenshots of each run go (not committed); docs/screenshots holds one per main screen. */
export function screenshotDir(): string {
  const dir = join(ROOT, 'test-output', 'console');
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}
