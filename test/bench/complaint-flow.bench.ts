import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Roles } from '@crm/contracts';
import { TestTokenIssuer } from '@crm/testing';
import { Random } from './station-data';
import { startKafkaBroker } from '../infra/kafka/kafka-broker';
import { withClient } from './bench-database';
import { arrivalOffsets, openLoop, OpenLoopResult } from './complaint-flow-arrivals';
import { importCustomers, loadStations, PlannedComplaint, planComplaints } from './complaint-flow-data';
import { callApi, ComplaintFlowServices } from './complaint-flow-services';
import { ComplaintTiming, stagesOf } from './complaint-flow-stages';
import { kafkaRoundTrips } from './kafka-round-trip';
import { formatStats, latencyStats, log, mulberry32 } from './latency-stats';
import { StationWebhookReceiver } from './station-webhook-receiver';

const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 2000);
const STATIONS = Number(process.env.BENCH_STATIONS ?? 2000);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2000);
/** Agents recording complaints at once: each sends its next one when the API answered, not when the webhook came. */
const AGENTS = Number(process.env.BENCH_AGENTS ?? 8);
/** Complaints per second on average, arriving as a Poisson process. */
const RATE = Number(process.env.BENCH_RATE ?? 5);
const SEED = Number(process.env.BENCH_SEED ?? 20261130);
const WARMUP = 10;
/** As docker-compose.yml deploys it. */
const KAFKA_PARTITIONS = 3;
/** Generous: under a heavy load the service falls behind, and the run should still report how far. */
const WEBHOOK_TIMEOUT_MS = 120_000;

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

/** Stations with webhooks in the service, customers with vehicles known to the call center, and what they complain of. */
async function prepare({ services, tokens, receiver }: Context, random: Random): Promise<PlannedComplaint[]> {
  const admin = await tokens.sign({ roles: [Roles.admin] });
  const { stations, mix } = await loadStations(
    services.databaseUrl('service'),
    services.url('service'),
    admin,
    receiver,
    STATIONS,
    random,
  );
  log(`${stations.length} stations (${mix.inactive} inactive, ${mix.full} full), each with its webhook`);
  const customers = await importCustomers(
    services.url('customer-master'),
    services.databaseUrl('call-center'),
    admin,
    CUSTOMERS,
    random,
  );
  log(`${customers.length} customers with a vehicle each, imported and known to the call center`);
  return planComplaints(customers, stations, WARMUP + COMPLAINTS, random);
}

/** One agent's complaint: resolves when the API answered, with the webhook's arrival still to come. */
async function complain(
  { services, receiver }: Context,
  agent: string,
  { customer, qualityType }: PlannedComplaint,
): Promise<{ outcome: Promise<Sample> }> {
  const url = `${services.url('call-center')}/customers/${customer.customerId}/complaints`;
  const started = performance.now();
  const { body } = await callApi<{ ticketId: string }>(url, agent, 'POST', {
    vehicleId: customer.vehicleId,
    description: '刹车时有异响 (noise when braking)',
    qualityType,
    channel: 'phone',
    location: customer.home,
  });
  const answered = performance.now();
  const outcome = receiver.arrival(body.ticketId, WEBHOOK_TIMEOUT_MS).then((received) => ({
    ticketId: body.ticketId,
    apiMs: answered - started,
    totalMs: received - started,
    startedAt: performance.timeOrigin + started,
    receivedAt: performance.timeOrigin + received,
  }));
  return { outcome };
}

/** AGENTS agents, each with a token of its own, take the complaints as they arrive (open loop). */
async function complaints(
  context: Context,
  planned: PlannedComplaint[],
  arrivals: number[],
): Promise<OpenLoopResult<Sample>> {
  const agents = await Promise.all(
    Array.from({ length: AGENTS }, (_, i) =>
      context.tokens.sign({ sub: `bench-agent-${i}`, roles: [Roles.agent] }),
    ),
  );
  for (const complaint of planned.slice(0, WARMUP))
    await (
      await complain(context, agents[0], complaint)
    ).outcome;
  const measured = planned.slice(WARMUP);
  return openLoop(arrivals, AGENTS, (i) => complain(context, agents[i % AGENTS], measured[i]));
}

/** Every measured webhook went to the station the service routed its ticket to; throws otherwise. */
async function checkDestinations(
  services: ComplaintFlowServices,
  receiver: StationWebhookReceiver,
  samples: Sample[],
) {
  const { rows } = await withClient(services.databaseUrl('service'), (client) =>
    client.query<{ id: string; station_id: string }>(
      `SELECT id, station_id FROM service.ticket WHERE id = ANY($1)`,
      [samples.map((s) => s.ticketId)],
    ),
  );
  const routedTo = new Map(rows.map((row) => [row.id, row.station_id]));
  const wrong = samples.filter(
    (s) => receiver.arrivalOf(s.ticketId)?.pathStationId !== routedTo.get(s.ticketId),
  );
  if (wrong.length > 0 || receiver.badSignatures > 0 || receiver.misdirected > 0)
    throw new Error(
      `${wrong.length} webhooks at another station than their ticket's, ${receiver.badSignatures} bad signatures, ` +
        `${receiver.misdirected} misdirected`,
    );
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
  return `${label.padEnd(70)} ${String(latencies.length).padStart(5)} ${formatStats(latencyStats(latencies))}`;
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
      databasePrefix: process.env.BENCH_DATABASE_PREFIX,
    });
    const context = { services, tokens, receiver };
    log(
      `customer-master, call-center and service started on Kafka ${kafka.brokers} (namespace ${namespace})`,
    );
    const random = mulberry32(SEED);
    const planned = await prepare(context, random);
    const arrivals = arrivalOffsets(COMPLAINTS, RATE, random);
    log(
      `${WARMUP} warm-up complaints, then ${COMPLAINTS} by ${AGENTS} agents at ${RATE}/s on average (Poisson arrivals)`,
    );
    const { outcomes: samples, sentPerSecond } = await complaints(context, planned, arrivals);
    await checkDestinations(services, receiver, samples);
    const stages = await stagesOf(
      samples,
      KAFKA_PARTITIONS,
      services.databaseUrl('call-center'),
      services.databaseUrl('service'),
    );
    const busy = stages.consumerBusyShares.map((share) => `${(share * 100).toFixed(0)}%`).join(', ');
    log(
      `complaints done, sent at ${sentPerSecond.toFixed(1)}/s: every webhook at its ticket's station, correctly ` +
        `signed (${receiver.stationsNotified().size} stations notified); the service's complaint consumers (one per ` +
        `partition) were busy ${busy} of the time; raw Kafka round trips at the same arrival times`,
    );
    const raw = await kafkaRoundTrips({
      brokers: kafka.brokers.split(','),
      topic: `${namespace}bench.raw-round-trip`,
      partitions: KAFKA_PARTITIONS,
      template: await complaintMessage(services),
      arrivals,
      warmup: WARMUP,
      senders: AGENTS,
    });
    const total = latencyStats(samples.map((s) => s.totalMs));
    console.log(`\n${'latency in ms'.padEnd(70)} count      p50      p95      p99      max`);
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
