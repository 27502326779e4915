import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const nginxInstalled = () => !spawnSync('nginx', ['-v'], { stdio: 'ignore' }).error;

async function listening(server: Server): Promise<number> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

/**
 * Runs a gateway configuration in the local nginx with a stub behind every upstream (each answers its
 * upstream's name) and asks it for each path: the upstream that answered, or `404` when the gateway itself did.
 */
export async function answeredByNginx(config: string, paths: string[]): Promise<Map<string, string>> {
  const upstreams = [...config.matchAll(/^upstream (\S+) \{ server \S+; \}$/gm)].map(([, name]) => name);
  const stubs = upstreams.map((name) => createServer((_request, response) => response.end(name)));
  const dir = mkdtempSync(join(tmpdir(), 'crm-gateway-'));
  try {
    let local = config;
    for (const [index, name] of upstreams.entries())
      local = local.replace(
        new RegExp(`^upstream ${name} \\{ server \\S+; \\}$`, 'm'),
        `upstream ${name} { server 127.0.0.1:${await listening(stubs[index])}; }`,
      );
    const probe = createServer();
    const port = await listening(probe);
    await new Promise((done) => probe.close(done));
    writeFileSync(
      join(dir, 'default.conf'),
      local.replace(/^ {2}listen \d+;$/m, `  listen 127.0.0.1:${port};`),
    );
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\n` +
        `http {\n  access_log off;\n  client_body_temp_path ${dir};\n  proxy_temp_path ${dir};\n` +
        `  include ${dir}/default.conf;\n}\n`,
    );
    const started = spawnSync('nginx', ['-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    if (started.status !== 0) throw new Error(`nginx did not start: ${started.stderr}`);
    try {
      const answers = new Map<string, string>();
      for (const path of paths) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' });
        answers.set(path, response.status === 200 ? await response.text() : String(response.status));
      }
      return answers;
    } finally {
      spawnSync('nginx', ['-c', join(dir, 'nginx.conf'), '-s', 'stop']);
    }
  } finally {
    await Promise.all(stubs.map((stub) => new Promise((done) => stub.close(done))));
    rmSync(dir, { recursive: true, force: true });
  }
}
