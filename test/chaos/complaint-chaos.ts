import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryResultRow } from 'pg';
import { ComplaintRecorded, Roles } from '@crm/contracts';
import { eventually, TestTokenIssuer } from '@crm/testing';
import { freePort, RunningBroker, startKafkaBroker } from '../infra/kafka/kafka-broker';
import { withClient } from '../bench/bench-database';
import { AppName, ChaosApp } from './chaos-apps';
import { WebhookCounter } from './webhook-counter';

/**
 * `npm run test:chaos`: customer-master, call-center and service as separate processes on a real
 * broker (loopback only); complaints are sent while the apps are killed with -9 at random points and
 * the broker is stopped and restarted mid-flow. CHAOS_KILLS (default 30) bounds the kills; the run
 * is bounded in time by CHAOS_DEADLINE_MS.
 */
const KILLS = Number(process.env.CHAOS_KILLS ?? 30);
const COMPLAINTS = Number(process.env.CHAOS_COMPLAINTS ?? Math.max(20, KILLS * 3));
const DEADLINE_MS = Number(process.env.CHAOS_DEADLINE_MS ?? 120_000 + KILLS * 30_000);
const CONVERGE_MS = Number(process.env.CHAOS_CONVERGE_MS ?? 180_000);
const APPS: AppName[] = ['customer-master', 'call-center', 'service'];
const VIN = 'LSVAU2187N2123456';
const SHANGHAI = { lat: 31.2304, lon: 121.4737 };

const log = (line: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));

async function call<T>(
  url: string,
  token: string,
  method: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status} ${text}`);
  return { status: response.status, body: text ? (JSON.parse(text) as T) : (undefined as T) };
}

interface Subject {
  customerId: string;
  vehicleId: string;
  stationId: string;
}

async function prepare(apps: Map<AppName, ChaosApp>, tokens: TestTokenIssuer, receiver: WebhookCounter) {
  const admin = await tokens.sign({ roles: [Roles.admin] });
  const agent = await tokens.sign({ roles: [Roles.agent] });
  const master = apps.get('customer-master')!.url;
  const station = await call<{ partnerId: string }>(`${master}/partners`, admin, 'POST', {
    kind: 'repair_station',
    code: 'RS-CHAOS-001',
    name: '上海浦东维修站',
    location: { lat: 31.2222, lon: 121.5403 },
    brands: ['Aurora'],
    skills: ['brakes', 'engine'],
    capacity: 100_000,
  });
  const stationId = station.body.partnerId;
  const customer = await call<{ id: string }>(`${master}/customers`, admin, 'POST', {
    kind: 'person',
    name: '王芳',
    phones: ['13912345678'],
    address: { province: '上海市', city: '上海市', location: SHANGHAI },
  });
  const customerId = customer.body.id;
  const vehicle = await call<{ vehicleId: string }>(
    `${master}/customers/${customerId}/vehicles`,
    admin,
    'POST',
    {
      vin: VIN,
      brand: 'Aurora',
      model: 'A6 Sedan',
      purchaseDate: '2024-03-01',
    },
  );
  const service = apps.get('service')!.url;
  await eventually(() => call(`${service}/stations/${stationId}`, admin, 'GET'), 90_000, 200);
  await call(`${service}/stations/${stationId}/webhook`, admin, 'PUT', { url: receiver.url });
  const lookup = `${apps.get('call-center')!.url}/lookup?q=${VIN}`;
  await eventually(
    async () => {
      const { body } = await call<{ items: { customerId: string }[] }>(lookup, agent, 'GET');
      if (body.items[0]?.customerId !== customerId)
        throw new Error('the call center has not seen the vehicle yet');
    },
    90_000,
    200,
  );
  return { customerId, vehicleId: vehicle.body.vehicleId, stationId } satisfies Subject;
}

interface Outcome {
  accepted: string[];
  refused: number;
}

/** Sends complaints to whichever call-center process is up until the chaos is over and enough were sent. */
async function sendComplaints(
  apps: Map<AppName, ChaosApp>,
  agent: string,
  subject: Subject,
  chaosOver: () => boolean,
): Promise<Outcome> {
  const outcome: Outcome = { accepted: [], refused: 0 };
  const sender = async () => {
    while (!chaosOver() || outcome.accepted.length + outcome.refused < COMPLAINTS) {
      const callCenter = apps.get('call-center')!;
      try {
        if (!callCenter.running) throw new Error('down');
        const { status, body } = await call<{ ticketId: string }>(
          `${callCenter.url}/customers/${subject.customerId}/complaints`,
          agent,
          'POST',
          {
            vehicleId: subject.vehicleId,
            description: '刹车时有异响 (noise when braking)',
            qualityType: 'brakes',
            channel: 'phone',
            location: SHANGHAI,
          },
        );
        if (status === 201) outcome.accepted.push(body.ticketId);
        else outcome.refused++;
      } catch {
        outcome.refused++;
      }
      await sleep(between(100, 400));
    }
  };
  await Promise.all([sender(), sender()]);
  return outcome;
}

interface Invariant {
  name: string;
  ok: boolean;
  detail: string;
}

async function check(
  apps: Map<AppName, ChaosApp>,
  receiver: WebhookCounter,
  outcome: Outcome,
  kills: number,
  brokerRestarts: number,
): Promise<Invariant[]> {
  // Taken before the database is read: every request counted here had its attempt row committed first.
  const requestsPerDelivery = new Map(receiver.requestsPerDelivery);
  const db = (name: AppName) => apps.get(name)!.databaseUrl;
  const accepted = outcome.accepted;
  const rows = <T extends QueryResultRow>(app: AppName, sql: string, params: unknown[] = []) =>
    withClient(db(app), (client) => client.query<T>(sql, params)).then((result) => result.rows);
  const unpublished = (app: AppName, schema: string) =>
    rows<{ pending: number }>(
      app,
      `SELECT count(*)::int AS pending FROM ${schema}.outbox_message WHERE published_at IS NULL`,
    ).then(([row]) => row.pending);
  const serviceTickets = await rows<{ id: string }>('service', `SELECT id FROM service.ticket`);
  const deliveries = await rows<{ id: string; ticket_id: string; status: string; recorded: number }>(
    'service',
    `SELECT d.id, d.ticket_id, d.status,
            (SELECT count(*)::int FROM service.webhook_attempt a WHERE a.delivery_id = d.id) AS recorded
       FROM service.webhook_delivery d`,
  );
  const complaintEvents = await rows<{ ticket_id: string }>(
    'call-center',
    `SELECT envelope->'payload'->>'ticketId' AS ticket_id FROM call_center.outbox_message WHERE envelope->>'type' = $1`,
    [ComplaintRecorded.type],
  );
  const callCenterTickets = await rows<{ id: string }>('call-center', `SELECT id FROM call_center.ticket`);
  const pending =
    (await unpublished('service', 'service')) +
    (await unpublished('call-center', 'call_center')) +
    (await unpublished('customer-master', 'customer_master'));
  const tickets = new Set(serviceTickets.map((row) => row.id));
  const complaints = complaintEvents.map((row) => row.ticket_id);
  const deliveriesPerTicket = new Map<string, number>();
  for (const row of deliveries)
    deliveriesPerTicket.set(row.ticket_id, (deliveriesPerTicket.get(row.ticket_id) ?? 0) + 1);
  const withoutTicket = accepted.filter((id) => !tickets.has(id));
  const notOneWebhook = accepted.filter((id) => receiver.deliveries.get(id)?.size !== 1);
  const notOneDelivery = accepted.filter((id) => deliveriesPerTicket.get(id) !== 1);
  const recordedAttempts = new Map(deliveries.map((row) => [row.id, row.recorded]));
  const unrecordedRequests = [...requestsPerDelivery].filter(
    ([deliveryId, received]) => (recordedAttempts.get(deliveryId) ?? 0) < received,
  );
  const notDelivered = deliveries.filter((row) => row.status !== 'delivered');
  const replicated = new Set(callCenterTickets.map((row) => row.id));
  const replicaMissing = accepted.filter((id) => !replicated.has(id));
  return [
    {
      name: 'every complaint that got 201 became a ticket',
      ok: withoutTicket.length === 0,
      detail: `${accepted.length} accepted, ${withoutTicket.length} without a ticket`,
    },
    {
      name: 'exactly one ticket per recorded complaint (none doubled, none without a complaint)',
      ok: new Set(complaints).size === complaints.length && complaints.length === tickets.size,
      detail: `${complaints.length} complaint events (${new Set(complaints).size} distinct), ${tickets.size} tickets`,
    },
    {
      name: 'each assignment has one webhook delivery and the station accepted exactly one delivery id',
      ok: notOneWebhook.length === 0 && notOneDelivery.length === 0,
      detail: `${receiver.requests} webhook requests, ${notOneWebhook.length} tickets without exactly one distinct delivery id, ${notOneDelivery.length} without exactly one delivery`,
    },
    {
      name: 'at-least-once with every attempt recorded: each delivery is delivered and its attempt history holds every request the station received',
      ok: unrecordedRequests.length === 0 && notDelivered.length === 0,
      detail: `${requestsPerDelivery.size} delivery ids received, ${unrecordedRequests.length} with fewer recorded attempts than requests received, ${notDelivered.length} deliveries not delivered`,
    },
    {
      name: 'no event lost: every outbox row published, every ticket back in the call-center replica',
      ok: pending === 0 && replicaMissing.length === 0,
      detail: `${pending} unpublished outbox rows, ${replicaMissing.length} tickets missing from the call-center replica`,
    },
    {
      name: `at least ${KILLS} kill -9s and a broker restart happened`,
      ok: kills >= KILLS && brokerRestarts >= 1,
      detail: `${kills} kills, ${brokerRestarts} broker restarts`,
    },
  ];
}

async function main(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-chaos-kafka-'));
  const port = await freePort();
  let broker: RunningBroker = await startKafkaBroker({ port, dataDir });
  const tokens = await TestTokenIssuer.start();
  const receiver = await WebhookCounter.start();
  const apps = new Map<AppName, ChaosApp>();
  const infra = {
    adminDatabaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    kafkaBrokers: broker.brokers,
    kafkaNamespace: `chaos${randomBytes(3).toString('hex')}.`,
    jwksUrl: tokens.jwksUrl,
  };
  stopEverything = async () => {
    await Promise.all([...apps.values()].map((app) => app.stop()));
    await receiver.stop();
    await tokens.stop();
    await broker.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    for (const name of APPS) apps.set(name, await ChaosApp.create(name, infra));
    await Promise.all([...apps.values()].map((app) => app.start()));
    log(`apps up on broker ${broker.brokers}; ${KILLS} kills, at least ${COMPLAINTS} complaints`);
    const subject = await prepare(apps, tokens, receiver);
    const agent = await tokens.sign({ roles: [Roles.agent] });
    let kills = 0;
    let brokerRestarts = 0;
    let chaosOver = false;
    const sending = sendComplaints(apps, agent, subject, () => chaosOver);
    for (let k = 0; k < KILLS; k++) {
      await sleep(between(300, 2_500));
      if (k === Math.floor(KILLS / 2)) {
        log('stopping the broker');
        await broker.stop();
        await sleep(between(1_000, 4_000));
        broker = await startKafkaBroker({ port, dataDir });
        brokerRestarts++;
        log('broker back on the same port and data');
      }
      const victim = apps.get(APPS[between(0, APPS.length)])!;
      await victim.kill();
      kills++;
      await sleep(between(0, 1_500));
      await victim.start();
      log(`kill ${kills}/${KILLS}: ${victim.name} killed with -9 and restarted`);
    }
    chaosOver = true;
    const outcome = await sending;
    log(`complaints: ${outcome.accepted.length} answered 201, ${outcome.refused} refused or cut off`);
    let invariants: Invariant[] = [];
    const deadline = Date.now() + CONVERGE_MS;
    do {
      invariants = await check(apps, receiver, outcome, kills, brokerRestarts);
      if (invariants.every((invariant) => invariant.ok)) break;
      await sleep(2_000);
    } while (Date.now() < deadline);
    for (const invariant of invariants)
      console.log(`${invariant.ok ? 'PASS' : 'FAIL'} ${invariant.name}: ${invariant.detail}`);
    const passed = invariants.filter((invariant) => invariant.ok).length;
    console.log(`chaos: ${passed} passed, ${invariants.length - passed} failed`);
    return invariants.length - passed === 0 ? 0 : 1;
  } finally {
    await stopEverything();
  }
}

/** Stops the apps, the station receiver and the broker this run started; main sets it once they exist. */
let stopEverything: () => Promise<void> = async () => undefined;

const timer = setTimeout(() => {
  console.error(`chaos: run exceeded ${DEADLINE_MS} ms`);
  console.log('chaos: 0 passed, 1 failed');
  // Leave no app or broker behind: they were started as child processes of this one.
  void Promise.race([stopEverything(), sleep(30_000)]).finally(() => process.exit(1));
}, DEADLINE_MS);
main()
  .then((code) => {
    clearTimeout(timer);
    process.exit(code);
  })
  .catch((error) => {
    console.error(error);
    console.log('chaos: 0 passed, 1 failed');
    process.exit(1);
  });
