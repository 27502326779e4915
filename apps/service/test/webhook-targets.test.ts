import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { eventually } from '@crm/testing';
import { StationRepository } from '../src/stations/station.repository';
import { ServiceHarness } from './service.harness';

/** The service as deployed: https only, no private or loopback receivers, the platform's own host denied. */
describe('a station webhook cannot point into the platform (SSRF)', () => {
  let harness: ServiceHarness;
  let stationId: string;
  let station: string;
  let receiver: Server;
  let hits = 0;

  beforeAll(async () => {
    harness = await ServiceHarness.start({
      settings: {
        webhookAllowHttp: false,
        webhookAllowPrivateTargets: false,
        webhookDeniedHosts: ['crm.example.cn'],
      },
    });
    await harness.customer('6f1c1c1e-0000-4000-8000-000000000007');
    stationId = await harness.station({ name: '杭州西湖站', lat: 30.25, lon: 120.15 });
    station = await harness.asStation(stationId);
    receiver = createServer((req, res) => {
      hits += 1;
      req.resume();
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    receiver.close();
    await harness.stop();
  });

  const register = (url: string) =>
    harness.http().put(`/stations/${stationId}/webhook`).set('Authorization', station).send({ url });

  it.each([
    'https://127.0.0.1/hook',
    'https://[::1]/hook',
    'https://localhost/hook',
    'https://2130706433/hook',
    'https://0x7f.1/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[fe80::1]/hook',
    'https://10.0.0.8/hook',
    'https://172.16.0.1/hook',
    'https://192.168.0.1/hook',
    'https://100.64.0.1/hook',
    'https://[fd00::1]/hook',
    'https://0.0.0.0/hook',
    'https://224.0.0.1/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://crm.example.cn/hook',
    'http://93.184.216.34/hook',
  ])('answers 400 naming the url for %s', async (url) => {
    const response = await register(url).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
  });

  it('takes a public https receiver', async () => {
    await register('https://93.184.216.34/crm/tickets').expect(200);
  });

  it('checks again at send time: a URL stored before (or resolving differently now) is refused, never connected', async () => {
    const port = (receiver.address() as AddressInfo).port;
    await harness.get(StationRepository).setWebhook(stationId, `https://localhost:${port}/hook`, 'secret');
    const opened = await harness
      .http()
      .post('/tickets')
      .set('Authorization', await harness.as(['agent']))
      .send({
        customerId: '6f1c1c1e-0000-4000-8000-000000000007',
        brand: 'Aurora',
        qualityType: 'brakes',
        description: 'brake noise',
        channel: 'phone',
        location: { lat: 30.26, lon: 120.16 },
      })
      .expect(201);
    const [delivery] = await eventually(async () => {
      const rows = await harness.query<{ attempts: number; last_error: string }>(
        `SELECT attempts, last_error FROM service.webhook_delivery WHERE ticket_id = $1`,
        [opened.body.ticketId],
      );
      expect(rows[0]?.attempts).toBeGreaterThanOrEqual(1);
      // The attempt is recorded before sending; its outcome (the refusal) right after.
      expect(rows[0]?.last_error).toBeTruthy();
      return rows;
    });
    expect(delivery.last_error).toMatch(/refused: the URL resolves to a non-public address/);
    expect(hits).toBe(0);
  });
});
