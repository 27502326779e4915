import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Roles } from '@crm/contracts';
import { eventually, TestTokenIssuer } from '@crm/testing';
import { startKafkaBroker } from '../infra/kafka/kafka-broker';
import { withClient } from './bench-database';
import { callApi, ComplaintFlowServices } from './complaint-flow-services';
import { ComplaintTiming, stagesOf } from './complaint-flow-stages';
import { kafkaRoundTrips } from './kafka-round-trip';
import { formatStats, latencyStats, log } from './latency-stats';
import { StationWebhookReceiver } from './station-webhook-receiver';

const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const WARMUP = 10;
/** As docker-compose.yml deploys it. */
const KAFKA_PARTITIONS = 3;
const WEBHOOK_TIMEOUT_MS = 30_000;
const VIN = 'LSVAU2187N2123456';
const SHANGHAI = { lat: 31.2304, lon: 121.4737 };

interface Subject {
  customerId: string;
  vehicleId: string;
}

interface Sample extends ComplaintTiming {
  apiMs: number;
  totalMs: number;
}

interface Context {
  services: ComplaintFlowServices;
  tokens: TestTokenIssuer;
  receiver: StationWebhookReceiver;
}

async function kafkaBrokers(): Promise<{ brokers: string; stop(): Promise<void> }> {
  if (process.env.KAFKA_BROKERS) return { brokers: process.env.KAFKA_BROKERS, stop: async () => {} };
  log('KAFKA_BROKERS not set: starting a broker');
  return startKafkaBroker();
}

/** One able station (large capacity, so every complaint goes to it) with a webhook, one customer with a vehicle. */
async function prepare({ services, tokens, receiver }: Context): Promise<Subject> {
  const admin = await tokens.sign({ roles: [Roles.admin] });
  const agent = await tokens.sign({ roles: [Roles.agent] });
  const master = services.url('customer-master');
  const station = await callApi<{ partnerId: string }>(`${master}/partners`, admin, 'POST', {
    kind: 'repair_station',
    code: 'RS-BENCH-001',
    name: '上海浦东维修站',
    location: { lat: 31.2222, lon: 121.5403 },
    brands: ['Aurora'],
    skills: ['brakes', 'engine'],
    capacity: 100_000,
  });
  const stationId = station.body.partnerId;
  const customer = await callApi<{ id: string }>(`${master}/customers`, admin, 'POST', {
    kind: 'person',
    name: '王芳',
    phones: ['13912345678'],
    address: { province: '上海市', city: '上海市', location: SHANGHAI },
  });
  const customerId = customer.body.id;
  const vehicles = `${master}/customers/${customerId}/vehicles`;
  const vehicle = await callApi<{ vehicleId: string }>(vehicles, admin, 'POST', {
    vin: VIN,
    brand: 'Aurora',
    model: 'A6 Sedan',
    purchaseDate: '2024-03-01',
  });
  const service = services.url('service');
  await eventually(() => callApi(`${service}/stations/${stationId}`, admin, 'GET'), 60_000, 100);
  const webhook = `${service}/stations/${stationId}/webhook`;
  const registration = await callApi<{ secret: string }>(webhook, admin, 'PUT', { url: receiver.url });
  receiver.secret = registration.body.secret;
  // The lookup, not the 360: a 360 read racing the vehicle event can stay cached without it for the TTL.
  const lookup = `${services.url('call-center')}/lookup?q=${VIN}`;
  await eventually(
    async () => {
      const { body } = await callApi<{ items: { customerId: string }[] }>(lookup, agent, 'GET');
      if (body.items[0]?.customerId !== customerId)
        throw new Error('the call center has not seen the vehicle yet');
    },
    60_000,
    100,
  );
  return { customerId, vehicleId: vehicle.body.vehicleId };
}

async function complain({ services, receiver }: Context, agent: string, subject: Subject): Promise<Sample> {
  const url = `${services.url('call-center')}/customers/${subject.customerId}/complaints`;
  const started = performance.now();
  const { body } = await callApi<{ ticketId: string }>(url, agent, 'POST', {
    vehicleId: subject.vehicleId,
    description: '刹车时有异响 (noise when braking)',
    qualityType: 'brakes',
    channel: 'phone',
    location: SHANGHAI,
  });
  const answered = performance.now();
  const received = await receiver.arrival(body.ticketId, WEBHOOK_TIMEOUT_MS);
  return {
    ticketId: body.ticketId,
    apiMs: answered - started,
    totalMs: received - started,
    startedAt: performance.timeOrigin + started,
    receivedAt: performance.timeOrigin + received,
  };
}

/** Closed loop: each of CONCURRENCY callers records a complaint and waits for its webhook before the next. */
async function complaints(context: Context, subject: Subject): Promise<Sample[]> {
  const agent = await context.tokens.sign({ roles: [Roles.agent] });
  for (let i = 0; i < WARMUP; i++) await complain(context, agent, subject);
  const samples: Sample[] = [];
  let next = 0;
  const caller = async () => {
    while (next++ < COMPLAINTS) samples.push(await complain(context, agent, subject));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, caller));
  return samples;
}

/** The complaint event exactly as the call center's relay sends it, as the raw round trip's payload. */
async function complaintMessage(services: ComplaintFlowServices) {
  const { rows } = await withClient(services.databaseUrl('call-center'), (client) =>
    client.query<{ envelope: unknown; headers: Record<string, string> }>(
      `SELECT envelope, headers FROM call_center.outbox_message ORDER BY seq DESC LIMIT 1`,
    ),
  );
  return { value: JSON.stringify(rows[0].envelope), headers: rows[0].headers };
}

function row(label: string, latencies: number[]): string {
  return `${label.padEnd(62)} ${String(latencies.length).padStart(5)} ${formatStats(latencyStats(latencies))}`;
}

async function main(): Promise<void> {
  const kafka = await kafkaBrokers();
  const tokens = await TestTokenIssuer.start();
  const receiver = await StationWebhookReceiver.start();
  const namespace = `bench${randomBytes(3).toString('hex')}.`;
  let services: ComplaintFlowServices | undefined;
  try {
    services = await ComplaintFlowServices.start({
      adminDatabaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      kafkaBrokers: kafka.brokers,
      kafkaNamespace: namespace,
      kafkaPartitions: KAFKA_PARTITIONS,
      jwksUrl: tokens.jwksUrl,
    });
    const context = { services, tokens, receiver };
    log(
      `customer-master, call-center and service started on Kafka ${kafka.brokers} (namespace ${namespace})`,
    );
    const subject = await prepare(context);
    log(
      `station, customer and vehicle known to every service; ${WARMUP} warm-up complaints, then ${COMPLAINTS}`,
    );
    const samples = await complaints(context, subject);
    const stages = await stagesOf(
      samples,
      KAFKA_PARTITIONS,
      services.databaseUrl('call-center'),
      services.databaseUrl('service'),
    );
    log(
      `complaints done (${receiver.badSignatures} bad signatures, ${receiver.stations.size} station); the service's ` +
        `complaint consumers (one per partition) were busy ${stages.consumerBusyShares.map((share) => `${(share * 100).toFixed(0)}%`).join(', ')} of the time; raw Kafka round trips`,
    );
    const raw = await kafkaRoundTrips({
      brokers: kafka.brokers.split(','),
      topic: `${namespace}bench.raw-round-trip`,
      partitions: KAFKA_PARTITIONS,
      template: await complaintMessage(services),
      count: COMPLAINTS,
      warmup: WARMUP,
      concurrency: CONCURRENCY,
    });
    const total = latencyStats(samples.map((s) => s.totalMs));
    console.log(`\n${'latency in ms'.padEnd(62)} count      p50      p95      p99      max`);
    console.log(
      row(
        'complaint API call answered (201)',
        samples.map((s) => s.apiMs),
      ),
    );
    console.log(
      row(
        'complaint API call to station webhook received',
        samples.map((s) => s.totalMs),
      ),
    );
    console.log(row('raw kafkajs produce to consume (same broker, payload size)', raw));
    console.log('where the complaint-to-webhook time goes:');
    for (const [stage, latencies] of Object.entries(stages.latencies))
      console.log(row(`  ${stage}`, latencies));
    console.log(
      `complaint-to-station p99 ms: ${total.p99.toFixed(1)} (raw kafka p99 ms: ${latencyStats(raw).p99.toFixed(1)})`,
    );
  } finally {
    await services?.stop();
    await receiver.stop();
    await tokens.stop();
    await kafka.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
