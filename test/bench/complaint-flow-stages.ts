import { ComplaintRecorded } from '@crm/contracts';
import { Partitioners } from 'kafkajs';
import { withClient } from './bench-database';

/** When each measured complaint started and its webhook arrived, in epoch milliseconds. */
export interface ComplaintTiming {
  ticketId: string;
  startedAt: number;
  receivedAt: number;
}

export interface Stages {
  latencies: Record<string, number[]>;
  /** Per partition, the share of the run its consumer spent between taking a complaint and sending it on. */
  consumerBusyShares: number[];
}

/**
 * Splits each complaint's latency at the timestamps the services record anyway (same host clock):
 * the call center's outbox row (transaction start) and its publication (published_at, stamped once
 * the broker acknowledged, so the service may already have started on it), the service's inbox row
 * (its consumer transaction start) and the webhook attempt. The leg from the broker's acknowledgement
 * to the consumer is split again into waiting behind earlier complaints and delivery proper. Partitions
 * are consumed side by side, each by one consumer taking one complaint at a time, so the wait is
 * judged per partition (the producer's partitioner, applied to the outbox row's key, says which).
 */
export async function stagesOf(
  timings: ComplaintTiming[],
  partitions: number,
  callCenterDatabaseUrl: string,
  serviceDatabaseUrl: string,
): Promise<Stages> {
  const outbox = await withClient(callCenterDatabaseUrl, (client) =>
    client.query<{ ticket_id: string; event_id: string; key: string; written: number; published: number }>(
      `SELECT envelope->'payload'->>'ticketId' AS ticket_id, event_id, message_key AS key,
              extract(epoch FROM created_at) * 1000 AS written, extract(epoch FROM published_at) * 1000 AS published
         FROM call_center.outbox_message WHERE envelope->>'type' = $1`,
      [ComplaintRecorded.type],
    ),
  );
  const [inbox, attempts] = await withClient(serviceDatabaseUrl, (client) =>
    Promise.all([
      client.query<{ event_id: string; consumed: number }>(
        `SELECT event_id, extract(epoch FROM processed_at) * 1000 AS consumed FROM service.processed_event
          WHERE consumer = 'complaint-intake'`,
      ),
      // The journal's "opened" entry and the routing decision are stamped by the service's clock as it goes.
      client.query<{ ticket_id: string; opened: number; decided: number; attempted: number }>(
        `SELECT d.ticket_id, extract(epoch FROM e.at) * 1000 AS opened, extract(epoch FROM r.decided_at) * 1000 AS decided,
                extract(epoch FROM a.at) * 1000 AS attempted
           FROM service.webhook_delivery d
           JOIN service.webhook_attempt a ON a.delivery_id = d.id AND a.attempt = 1
           JOIN service.ticket_event e ON e.ticket_id = d.ticket_id AND e.step = 'opened'
           JOIN service.routing_decision r ON r.ticket_id = d.ticket_id`,
      ),
    ]),
  );
  const consumed = new Map(inbox.rows.map((row) => [row.event_id, Number(row.consumed)]));
  const routed = new Map(attempts.rows.map((row) => [row.ticket_id, row]));
  const partitionOf = kafkaPartitionOf(partitions);
  const handled: Handled[] = outbox.rows.flatMap((row) => {
    const [consumedAt, routing] = [consumed.get(row.event_id), routed.get(row.ticket_id)];
    if (consumedAt === undefined || routing === undefined) return [];
    const [writtenAt, publishedAt] = [Number(row.written), Number(row.published)];
    const partition = partitionOf(row.key);
    return [
      {
        ticketId: row.ticket_id,
        partition,
        writtenAt,
        publishedAt,
        consumedAt,
        openedAt: Number(routing.opened),
        decidedAt: Number(routing.decided),
        attemptedAt: Number(routing.attempted),
        consumerFreeAt: 0,
      },
    ];
  });
  const byPartition = Array.from({ length: partitions }, (_, p) => handled.filter((h) => h.partition === p));
  byPartition.forEach(markWhenConsumerWasFree);
  return split(timings, new Map(handled.map((h) => [h.ticketId, h])), byPartition);
}

/** The partition kafkajs's default partitioner (the producer's) gives a message key. */
function kafkaPartitionOf(partitions: number): (key: string) => number {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    replicas: [0],
    isr: [0],
    partitionErrorCode: 0,
  }));
  return (key) => partitioner({ topic: 'complaints', partitionMetadata, message: { key, value: null } });
}

/**
 * A partition's consumer takes one complaint at a time: it is free again once the one before it was
 * sent on, or earlier if it had already taken this one (the webhook send can follow the commit).
 */
function markWhenConsumerWasFree(partition: Handled[]): void {
  partition.sort((a, b) => a.consumedAt - b.consumedAt);
  partition.forEach(
    (h, i) => (h.consumerFreeAt = i > 0 ? Math.min(partition[i - 1].attemptedAt, h.consumedAt) : 0),
  );
}

interface Handled {
  ticketId: string;
  partition: number;
  writtenAt: number;
  publishedAt: number;
  consumedAt: number;
  openedAt: number;
  decidedAt: number;
  attemptedAt: number;
  consumerFreeAt: number;
}

function split(timings: ComplaintTiming[], handled: Map<string, Handled>, byPartition: Handled[][]): Stages {
  const stages: Record<string, number[]> = {
    'API call to complaint transaction start': [],
    'transaction start to broker ack (commit, relay wake-up, produce)': [],
    'broker ack to service consumer transaction': [],
    "  of which waiting for the partition's consumer": [],
    '  of which Kafka delivery once it is free': [],
    'consumer transaction to webhook send (open, route, commit)': [],
    '  of which opening the ticket (to its journal entry)': [],
    '  of which routing (nearest able station, slot, explanation)': [],
    '  of which journal, webhook row, commit and dispatcher wake-up': [],
    'webhook send to received': [],
  };
  const [api, relay, kafka, queue, delivery, route, opening, routing, committing, webhook] =
    Object.values(stages);
  for (const timing of timings) {
    const h = handled.get(timing.ticketId);
    if (!h) continue;
    api.push(h.writtenAt - timing.startedAt);
    relay.push(h.publishedAt - h.writtenAt);
    kafka.push(h.consumedAt - h.publishedAt);
    queue.push(Math.max(0, h.consumerFreeAt - h.publishedAt));
    delivery.push(h.consumedAt - Math.max(h.publishedAt, h.consumerFreeAt));
    route.push(h.attemptedAt - h.consumedAt);
    opening.push(h.openedAt - h.consumedAt);
    routing.push(h.decidedAt - h.openedAt);
    committing.push(h.attemptedAt - h.decidedAt);
    webhook.push(timing.receivedAt - h.attemptedAt);
  }
  return { latencies: stages, consumerBusyShares: byPartition.map(busyShare) };
}

/** The share of a partition's run spent between consuming a complaint and sending it on (overlaps counted once). */
function busyShare(partition: Handled[]): number {
  if (partition.length === 0) return 0;
  let [busy, busyUntil] = [0, -Infinity];
  for (const h of partition) {
    busy += Math.max(0, h.attemptedAt - Math.max(h.consumedAt, busyUntil));
    busyUntil = Math.max(busyUntil, h.attemptedAt);
  }
  return busy / (busyUntil - partition[0].consumedAt);
}
