import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { eventually } from '@crm/testing';
import { HOME, KM, registerCustomer, STATION } from './notification-fixtures';
import { ServiceHarness } from './service.harness';

/** The value of one series in a Prometheus text exposition, 0 when absent. */
function sample(metrics: string, series: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('delivery metrics: webhooks and customer notifications by outcome', () => {
  let harness: ServiceHarness;
  let agent: string;
  let endpoint: Server;
  let endpointUrl: string;

  beforeAll(async () => {
    endpoint = createServer((req, res) => req.resume().on('end', () => res.writeHead(200).end()));
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/crm/tickets`;
    harness = await ServiceHarness.start();
    agent = await harness.as(['agent']);
  });
  afterAll(async () => {
    await harness.stop();
    endpoint.closeAllConnections();
    await new Promise((resolve) => endpoint.close(resolve));
  });

  const metrics = async () => (await harness.http().get('/metrics').expect(200)).text;

  const stationWithWebhook = async (url: string, lat: number) => {
    const stationId = await harness.station({ ...STATION, lat, lon: HOME.lon });
    await harness
      .http()
      .put(`/stations/${stationId}/webhook`)
      .set('Authorization', await harness.asStation(stationId))
      .send({ url })
      .expect(200);
    return stationId;
  };

  const complaint = (customerId: string) =>
    harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({
        customerId,
        location: HOME,
        brand: 'Aurora',
        qualityType: 'brakes',
        description: '刹车异响',
        channel: 'phone',
      })
      .expect(201);

  it('counts a delivered webhook and the customer messages sent for the same ticket', async () => {
    const before = await metrics();
    await stationWithWebhook(endpointUrl, HOME.lat + KM);
    const { customerId } = await registerCustomer(harness, ['email', 'sms']);
    await complaint(customerId);
    const after = await eventually(async () => {
      const text = await metrics();
      expect(sample(text, 'webhook_deliveries_total{outcome="delivered"}')).toBe(
        sample(before, 'webhook_deliveries_total{outcome="delivered"}') + 1,
      );
      expect(
        sample(text, 'notification_deliveries_total{channel="email",outcome="delivered"}'),
      ).toBeGreaterThan(0);
      expect(
        sample(text, 'notification_deliveries_total{channel="sms",outcome="delivered"}'),
      ).toBeGreaterThan(0);
      return text;
    }, 20_000);
    expect(after).toMatch(/^# TYPE webhook_deliveries_total counter$/m);
  });

  it('counts a webhook that failed and will be retried', async () => {
    const before = await metrics();
    // A closer station whose endpoint is down (nothing listens on port 1).
    await stationWithWebhook('http://127.0.0.1:1/crm/tickets', HOME.lat + KM / 10);
    await complaint((await registerCustomer(harness, [])).customerId);
    await eventually(async () => {
      expect(sample(await metrics(), 'webhook_deliveries_total{outcome="retrying"}')).toBeGreaterThan(
        sample(before, 'webhook_deliveries_total{outcome="retrying"}'),
      );
    }, 20_000);
  });

  it('reports the service schema’s outbox backlog, its age and dead letters at scrape time', async () => {
    const text = await metrics();
    expect(text).toMatch(/^outbox_backlog\{schema="service"\} \d+$/m);
    expect(text).toMatch(/^outbox_oldest_unpublished_age_seconds\{schema="service"\} [\d.]+$/m);
    expect(text).toMatch(/^dead_letters\{schema="service"\} 0$/m);
  });
});
