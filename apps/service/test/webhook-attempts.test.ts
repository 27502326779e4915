import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { eventually } from '@crm/testing';
import { LEASE_MARGIN_MS, SEND_TIMEOUT_MS } from '@crm/messaging';
import { WebhookHeaders } from '@crm/webhooks';
import { ServiceHarness } from './service.harness';

/** A station endpoint that holds the first request open (the sender gives up on it) and accepts the rest. */
async function stallingEndpoint(
  deliveryIds: string[],
): Promise<{ server: Server; url: string; held: ServerResponse[] }> {
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => {
      deliveryIds.push(String(req.headers[WebhookHeaders.id]));
      if (deliveryIds.length === 1) held.push(res);
      else res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/crm/tickets`, held };
}

describe('station webhook attempts', () => {
  let harness: ServiceHarness;
  let endpoint: Awaited<ReturnType<typeof stallingEndpoint>> | undefined;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
  });
  afterAll(async () => {
    endpoint?.held.forEach((res) => res.destroy());
    endpoint?.server.close();
    await harness.stop();
  });

  it('records an attempt before sending it, leases for the send timeout, and retries with the same delivery id', async () => {
    const agent = await harness.as(['agent']);
    const stationId = await harness.station({ name: '杭州西湖站', lat: 30.25, lon: 120.15 });
    const deliveryIds: string[] = [];
    endpoint = await stallingEndpoint(deliveryIds);
    await harness
      .http()
      .put(`/stations/${stationId}/webhook`)
      .set('Authorization', await harness.asStation(stationId))
      .send({ url: endpoint.url })
      .expect(200);
    const customerId = await harness.customer();
    const opened = await harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({
        customerId,
        brand: 'Aurora',
        qualityType: 'brakes',
        description: 'brake noise',
        channel: 'phone',
        location: { lat: 30.26, lon: 120.16 },
      })
      .expect(201);
    const deliveries = () =>
      harness
        .http()
        .get(`/tickets/${opened.body.ticketId}/webhook-deliveries`)
        .set('Authorization', agent)
        .expect(200)
        .then((r) => r.body.items);

    // The station holds the first POST: what a crash mid-send leaves behind looks like this.
    await eventually(async () => expect(deliveryIds).toHaveLength(1));
    const [inFlight] = await deliveries();
    expect(inFlight.history).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'unknown', httpStatus: null, durationMs: null }),
    ]);
    const leaseLeft = new Date(inFlight.nextAttemptAt).getTime() - Date.now();
    expect(leaseLeft).toBeGreaterThan(0);
    expect(leaseLeft).toBeLessThanOrEqual(SEND_TIMEOUT_MS + LEASE_MARGIN_MS);

    const [delivered] = await eventually(async () => {
      const items = await deliveries();
      expect(items[0].status).toBe('delivered');
      return items;
    }, 30_000);
    expect(delivered.history.map((a: { outcome: string }) => a.outcome)).toEqual(['failed', 'delivered']);
    expect(deliveryIds).toEqual([delivered.deliveryId, delivered.deliveryId]);
  });
});
