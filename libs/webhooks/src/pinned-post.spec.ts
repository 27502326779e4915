import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { pinnedPost } from './pinned-post';

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const portOf = (server: Server) => (server.address() as AddressInfo).port;

describe(pinnedPost.name, () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it('connects to the pinned address whatever the host name would resolve to', async () => {
    const hosts: string[] = [];
    const receiver = await listen((req, res) => {
      hosts.push(req.headers.host ?? '');
      req.resume();
      res.writeHead(204).end();
    });
    servers.push(receiver);
    const status = await pinnedPost({
      url: new URL(`http://station.invalid:${portOf(receiver)}/hook`),
      address: { address: '127.0.0.1', family: 4 },
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(5_000),
    });
    expect(status).toBe(204);
    expect(hosts).toEqual([`station.invalid:${portOf(receiver)}`]);
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    let reachedTarget = false;
    const target = await listen((_req, res) => {
      reachedTarget = true;
      res.writeHead(200).end();
    });
    const redirector = await listen((req, res) => {
      req.resume();
      res.writeHead(307, { location: `http://127.0.0.1:${portOf(target)}/internal` }).end();
    });
    servers.push(target, redirector);
    const status = await pinnedPost({
      url: new URL(`http://127.0.0.1:${portOf(redirector)}/hook`),
      address: { address: '127.0.0.1', family: 4 },
      headers: {},
      body: '{}',
      signal: AbortSignal.timeout(5_000),
    });
    expect(status).toBe(307);
    expect(reachedTarget).toBe(false);
  });
});
