import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** Runs the rebuild's entry as `npm run analytics:rebuild` does (from source); resolves with its output. */
export function runRebuildCommand(env: Record<string, string | undefined>): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/analytics/src/rebuild/rebuild-main.ts',
    ],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done, fail) =>
    child.once('exit', (code) =>
      code === 0 ? done(output) : fail(new Error(`rebuild exited ${code}:\n${output}`)),
    ),
  );
}
