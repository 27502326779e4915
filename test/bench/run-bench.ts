import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs a benchmark script as `npm run bench:*` does (ts-node, path aliases) from the repository root, on the test
 * database, for a benchmark's smoke test; resolves its standard output.
 */
export async function runBench(
  script: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
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
