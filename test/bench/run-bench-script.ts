import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a benchmark script from source, as its npm script does, against the test run's database; its stdout. */
export async function runBenchScript(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, ...args],
    {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, ...env },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return stdout;
}
