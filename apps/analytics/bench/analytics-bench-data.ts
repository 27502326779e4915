import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  InteractionRecorded,
  OrderPlaced,
  RepairRecorded,
  TicketAccepted,
  TicketOpened,
  topicFor,
} from '@crm/contracts';
import { stampedEvent } from '../../../test/support/stamped-events';
import { LIVE_TABLES } from '../src/projections/projection-tables';

const DAY_MS = 86_400_000;
const NOW = Date.now();

export interface BenchMessage {
  topic: string;
  key: string;
  value: string;
}

/** A customer id of the bench's population (the same one the SQL load derives). */
const customerOf = (i: number, customers: number) => uuidOf(`c${i % customers}`);

function uuidOf(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  const hex = (hash >>> 0).toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${String(seed.length).padStart(4, '0')}${hex}`;
}

function order(i: number, customers: number, at: string) {
  const orderId = randomUUID();
  const amount = 100_000 + (i % 300) * 1_000;
  return stampedEvent(
    OrderPlaced,
    orderId,
    {
      orderId,
      number: `O-${i}`,
      opportunityId: randomUUID(),
      quoteId: null,
      customerId: customerOf(i, customers),
      dealerId: uuidOf(`d${i % 50}`),
      ownerId: `rep-${i % 20}`,
      items: [
        {
          trimId: uuidOf('trim'),
          trimName: 'Long Range',
          modelId: uuidOf('model'),
          modelName: i % 2 ? 'i5' : 'MG4',
          quantity: 1,
          unitPrice: amount,
          discount: 0,
          lineTotal: amount,
        },
      ],
      total: { amount, currency: 'CNY' },
      placedAt: at,
    },
    { occurredAt: at },
  );
}

function ticket(i: number, customers: number, at: string) {
  const ticketId = randomUUID();
  const definition = i % 2 ? TicketOpened : TicketAccepted;
  return stampedEvent(
    definition,
    ticketId,
    {
      ticketId,
      ticketNumber: `T-${i}`,
      customerId: customerOf(i, customers),
      vehicleId: null,
      vin: null,
      sellingDealerId: null,
      qualityType: 'engine',
      severity: 'high',
      status: definition === TicketOpened ? 'new' : 'accepted',
      description: 'engine noise',
      channel: 'phone',
      stationId: definition === TicketOpened ? null : uuidOf(`s${i % 30}`),
      location: null,
      openedAt: at,
      ...(definition === TicketAccepted ? { acceptedBy: 'station-user' } : {}),
    },
    { occurredAt: at },
  );
}

function repair(i: number, customers: number, at: string) {
  const repairId = randomUUID();
  return stampedEvent(
    RepairRecorded,
    repairId,
    {
      repairId,
      ticketId: randomUUID(),
      ticketNumber: `T-${i}`,
      customerId: customerOf(i, customers),
      vehicleId: null,
      vin: null,
      stationId: uuidOf(`s${i % 30}`),
      stationName: 'Station',
      qualityType: 'engine',
      severity: 'low',
      workDone: 'oil',
      parts: [],
      cost: { amount: 800, currency: 'CNY' },
      technician: 'tech',
      repairedAt: at,
    },
    { occurredAt: at },
  );
}

function interaction(i: number, customers: number, at: string) {
  const interactionId = randomUUID();
  return stampedEvent(
    InteractionRecorded,
    interactionId,
    {
      interactionId,
      customerId: customerOf(i, customers),
      channel: 'phone',
      direction: 'inbound',
      agentId: `agent-${i % 40}`,
      subject: 'engine noise',
      notes: null,
      outcome: null,
      durationSeconds: 120 + (i % 600),
      occurredAt: at,
    },
    { occurredAt: at },
  );
}

/** Event `i` of the bench's stream: two orders, two ticket events, one repair and one interaction in every six. */
const MAKERS = [order, ticket, repair, order, ticket, interaction];

export function benchMessage(i: number, customers: number): BenchMessage {
  const at = new Date(NOW - (i % 700) * DAY_MS).toISOString();
  const event = MAKERS[i % MAKERS.length](i, customers, at);
  return { topic: topicFor(event), key: event.aggregateId, value: JSON.stringify(event) };
}

export const BENCH_TOPICS = [...new Set(MAKERS.map((_, i) => benchMessage(i, 10).topic))];

/** A version-4-shaped UUID from a seed's md5 (the tier events' contract checks the shape). */
const uuidSql = (seed: string) =>
  `overlay(overlay(md5(${seed}) placing '4' from 13) placing '8' from 17)::uuid`;

/**
 * The recompute's input, set-based: `customers` buyers and `lines` purchases (orders) over three years,
 * replacing whatever the ingest left, vacuumed and analysed; no event goes through Kafka for these.
 */
export async function loadPurchases(client: Client, customers: number, lines: number): Promise<void> {
  await client.query(`TRUNCATE ${LIVE_TABLES.orderFact}, ${LIVE_TABLES.repairFact}, analytics.customer_value,
    analytics.customer_value_run, analytics.outbox_message`);
  await client.query(
    `INSERT INTO ${LIVE_TABLES.orderFact} (order_id, customer_id, dealer_id, amount, currency, models, placed_at,
       event_at, event_id)
     SELECT gen_random_uuid(), ${uuidSql(`'c' || (i % $1)`)}, ${uuidSql(`'d' || (i % 50)`)},
       50000 + (hashint4(i) & 1023) * 300, 'CNY', '{i5}', now() - ((hashint4(i * 7) & 1095) || ' days')::interval,
       now(), gen_random_uuid()
     FROM generate_series(1, $2) AS i`,
    [customers, lines],
  );
  // As a table written over time is when a scheduled recompute reads it: vacuumed (else the first scan sets the hint
  // bits of ten million fresh rows, rewriting the table) and on disk (else the recompute's writes wait on the
  // checkpoint of the load's gigabytes of WAL).
  await client.query(`VACUUM ANALYZE ${LIVE_TABLES.orderFact}`);
  await client.query(`CHECKPOINT`);
}
