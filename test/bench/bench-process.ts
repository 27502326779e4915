import { ChildProcess, fork, StdioOptions } from 'node:child_process';
import { once } from 'node:events';

const STOP_TIMEOUT_MS = 30_000;

/**
 * Forks a server entry (one that calls serveToParent) under ts-node, in a process of its own so
 * the load generator does not share its event loop; `env` is added to this process's environment and
 * `nodeFlags` to its node's (`--cpu-prof`, say).
 */
export function forkServer(
  entry: string,
  env: NodeJS.ProcessEnv,
  stdio?: StdioOptions,
  nodeFlags: string[] = [],
): ChildProcess {
  return fork(entry, [], {
    execArgv: [...nodeFlags, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: { ...process.env, ...env },
    ...(stdio ? { stdio } : {}),
  });
}

/** The port a forked server reports once it listens; fails if it exits first or takes over `timeoutMs`. */
export async function listeningPort(server: ChildProcess, name: string, timeoutMs?: number): Promise<string> {
  const waits: Promise<unknown>[] = [once(server, 'message'), once(server, 'exit')];
  if (timeoutMs !== undefined)
    waits.push(
      new Promise<never>((_resolve, reject) =>
        setTimeout(() => reject(new Error(`${name} did not start in time`)), timeoutMs).unref(),
      ),
    );
  const [message] = (await Promise.race(waits)) as [{ port?: string } | undefined];
  if (!message?.port) throw new Error(`${name} stopped before listening`);
  return message.port;
}

/** Forks a server entry and waits until it listens. */
export async function startServer(
  entry: string,
  env: NodeJS.ProcessEnv,
  name: string,
  nodeFlags: string[] = [],
): Promise<{ server: ChildProcess; port: string }> {
  const server = forkServer(entry, env, undefined, nodeFlags);
  return { server, port: await listeningPort(server, name) };
}

/** Asks a forked server to close (by disconnecting) and kills it if it has not exited in 30 s. */
export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.disconnect();
  const timer = setTimeout(() => server.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
