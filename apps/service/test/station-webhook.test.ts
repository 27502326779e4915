import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { eventually } from '@crm/testing';
import { Webhook } from 'standardwebhooks';
import { ServiceHarness } from './service.harness';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** The station's endpoint: answers 503 to the first `failures` calls, 200 after. */
function stationEndpoint(port: number, failures: number, received: Received[]): Promise<Server> {
  let calls = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      calls += 1;
      if (calls <= failures) return res.writeHead(503).end();
      received.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('the routed station is notified by a signed webhook', () => {
  let harness: ServiceHarness;
  let agent: string;
  let stationId: string;
  let server: Server | undefined;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
    await harness.customer('6f1c1c1e-0000-4000-8000-000000000004');
    agent = await harness.as(['agent']);
    stationId = await harness.station({ name: '深圳南山站', lat: 22.54, lon: 113.93 });
  });
  afterAll(async () => {
    server?.close();
    await harness.stop();
  });

  it('lets only the station itself (or an admin) register its webhook', async () => {
    const stranger = await harness.asStation(await harness.station({ lat: 10, lon: 10 }));
    await harness
      .http()
      .put(`/stations/${stationId}/webhook`)
      .set('Authorization', stranger)
      .send({ url: 'http://127.0.0.1:1/x' })
      .expect(404);
  });

  it('reaches an endpoint that was down once it comes back, signed with the station’s secret', async () => {
    const port = await freePort();
    const registration = await harness
      .http()
      .put(`/stations/${stationId}/webhook`)
      .set('Authorization', await harness.asStation(stationId))
      .send({ url: `http://127.0.0.1:${port}/crm/tickets` })
      .expect(200);
    const secret: string = registration.body.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const opened = await harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({
        customerId: '6f1c1c1e-0000-4000-8000-000000000004',
        brand: 'Aurora',
        qualityType: 'brakes',
        description: 'brake noise',
        channel: 'phone',
        location: { lat: 22.55, lon: 113.94 },
      })
      .expect(201);
    const deliveries = () =>
      harness
        .http()
        .get(`/tickets/${opened.body.ticketId}/webhook-deliveries`)
        .set('Authorization', agent)
        .expect(200)
        .then((r) => r.body.items);

    const [failed] = await eventually(async () => {
      const items = await deliveries();
      expect(items[0].lastError).not.toBeNull();
      return items;
    });
    expect(failed).toMatchObject({
      status: 'pending',
      lastHttpStatus: null,
      lastError: expect.stringMatching(/ECONNREFUSED/),
    });

    const received: Received[] = [];
    server = await stationEndpoint(port, 1, received);
    const [delivered] = await eventually(async () => {
      const items = await deliveries();
      expect(items[0].status).toBe('delivered');
      return items;
    }, 30_000);

    expect(received).toHaveLength(1);
    const [{ headers, body }] = received;
    expect(new Webhook(secret).verify(body, headers as Record<string, string>)).toEqual(JSON.parse(body));
    expect(headers['webhook-id']).toBe(delivered.deliveryId);
    expect(JSON.parse(body)).toMatchObject({
      event: 'ticket.routed',
      ticket: { ticketId: opened.body.ticketId, ticketNumber: opened.body.ticketNumber, stationId },
      station: { stationId, name: '深圳南山站' },
    });
    expect(delivered.history.map((a: { httpStatus: number | null }) => a.httpStatus)).toEqual([
      ...Array(delivered.attempts - 2).fill(null),
      503,
      200,
    ]);
    expect(delivered.history[delivered.attempts - 2].error).toBe('HTTP 503');
  });
});
