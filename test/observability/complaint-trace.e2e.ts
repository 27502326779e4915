import { randomBytes } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Roles } from '@crm/contracts';
import { eventually, TestTokenIssuer } from '@crm/testing';
import { callApi, ComplaintFlowServices } from '../bench/complaint-flow-services';
import { OtlpReceiver } from './otlp-receiver';

const SHANGHAI = { lat: 31.2304, lon: 121.4737 };
const VIN = 'LSVAU2187N2123456';
const OTLP_SPAN_KIND = { server: 2, producer: 4, consumer: 5 };

/** The repair station's endpoint: keeps each webhook's headers by ticket. */
class StationEndpoint {
  readonly received = new Map<string, IncomingHttpHeaders>();
  url = '';
  private readonly server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      this.received.set(JSON.parse(body).ticket.ticketId, req.headers);
      res.writeHead(204).end();
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/crm/tickets`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/**
 * customer-master, call-center and service as separate processes started like main.ts (tracing
 * imported first), exporting by OTLP to a receiver in this test, over real Kafka and PostgreSQL:
 * one complaint is one trace, from the call center's API through its outbox, Kafka and the service
 * app's consumer to the station's webhook.
 */
describe('one trace from the complaint API to the station webhook', () => {
  const saved = { ...process.env };
  let otlp: OtlpReceiver;
  let tokens: TestTokenIssuer;
  let station: StationEndpoint;
  let services: ComplaintFlowServices | undefined;

  beforeAll(async () => {
    [otlp, tokens] = await Promise.all([OtlpReceiver.start(), TestTokenIssuer.start()]);
    station = new StationEndpoint();
    await station.start();
    // The children inherit these: OTLP/HTTP to the receiver, exported every 100 ms.
    Object.assign(process.env, {
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_SERVICE_NAME: 'crm-trace-test',
    });
    services = await ComplaintFlowServices.start({
      adminDatabaseUrl: process.env.TEST_DATABASE_URL ?? '',
      redisUrl: process.env.TEST_REDIS_URL ?? '',
      kafkaBrokers: process.env.TEST_KAFKA_BROKERS ?? '',
      kafkaNamespace: `tr${randomBytes(4).toString('hex')}.`,
      kafkaPartitions: 1,
      jwksUrl: tokens.jwksUrl,
      databasePrefix: `t_trace_${randomBytes(3).toString('hex')}`,
    });
  }, 240_000);

  afterAll(async () => {
    process.env = saved;
    await services?.stop();
    await Promise.all([otlp?.stop(), tokens?.stop(), station?.stop()]);
  }, 60_000);

  it('carries one trace id from POST /customers/:id/complaints through Kafka to the webhook', async () => {
    const ready = services as ComplaintFlowServices;
    const admin = await tokens.sign({ roles: [Roles.admin] });
    const agent = await tokens.sign({ roles: [Roles.agent] });
    const master = ready.url('customer-master');
    const { body: partner } = await callApi<{ partnerId: string }>(`${master}/partners`, admin, 'POST', {
      kind: 'repair_station',
      code: 'RS-TRACE-001',
      name: '上海浦东维修站',
      location: { lat: 31.2222, lon: 121.5403 },
      brands: ['Aurora'],
      skills: ['brakes'],
      capacity: 10,
    });
    const { body: customer } = await callApi<{ id: string }>(`${master}/customers`, admin, 'POST', {
      kind: 'person',
      name: '王芳',
      phones: ['13912345678'],
      address: { city: '上海市', location: SHANGHAI },
    });
    const { body: vehicle } = await callApi<{ vehicleId: string }>(
      `${master}/customers/${customer.id}/vehicles`,
      admin,
      'POST',
      { vin: VIN, brand: 'Aurora', model: 'A6 Sedan', purchaseDate: '2024-03-01' },
    );
    const service = ready.url('service');
    await eventually(() => callApi(`${service}/stations/${partner.partnerId}`, admin, 'GET'), 60_000, 100);
    await callApi(`${service}/stations/${partner.partnerId}/webhook`, admin, 'PUT', { url: station.url });
    const callCenter = ready.url('call-center');
    await eventually(
      async () => {
        const { body } = await callApi<{ items: { customerId: string }[] }>(
          `${callCenter}/lookup?q=${VIN}`,
          agent,
          'GET',
        );
        expect(body.items[0]?.customerId).toBe(customer.id);
      },
      60_000,
      100,
    );

    const { body: complaint } = await callApi<{ ticketId: string }>(
      `${callCenter}/customers/${customer.id}/complaints`,
      agent,
      'POST',
      {
        vehicleId: vehicle.vehicleId,
        description: '刹车时有异响',
        qualityType: 'brakes',
        channel: 'phone',
        location: SHANGHAI,
      },
    );
    const headers = await eventually(
      async () => {
        const received = station.received.get(complaint.ticketId);
        expect(received).toBeDefined();
        return received as IncomingHttpHeaders;
      },
      30_000,
      100,
    );
    const [, traceId] = /^00-([0-9a-f]{32})-[0-9a-f]{16}-0[01]$/.exec(String(headers.traceparent)) ?? [];
    expect(traceId).toBeDefined();

    const spans = await eventually(
      async () => {
        const trace = otlp.trace(traceId);
        const server = trace.filter((span) => span.kind === OTLP_SPAN_KIND.server);
        expect(server.map((span) => span.name)).toContainEqual(expect.stringMatching(/complaints/));
        expect(trace.some((span) => span.kind === OTLP_SPAN_KIND.producer)).toBe(true);
        expect(trace.some((span) => span.kind === OTLP_SPAN_KIND.consumer)).toBe(true);
        return trace;
      },
      30_000,
      200,
    );
    expect(otlp.unreadable).toEqual([]);
    // The complaint API call is the root: nothing before it, everything after it in its trace.
    const roots = spans.filter((span) => !span.parentSpanId);
    expect(roots.map((span) => span.name)).toEqual([expect.stringMatching(/POST/)]);
    const names = spans.map((span) => span.name).join('\n');
    expect(names).toMatch(/^send .*interaction/m);
    expect(names).toMatch(/^process .*interaction/m);
  }, 180_000);
});
