import { EntityManager } from 'typeorm';
import { EventDefinition, EventEnvelope, PayloadOf } from '@crm/contracts';

/** Runs inside the transaction that also records the event as processed. */
export type EventHandler<D extends EventDefinition = EventDefinition> = (
  event: EventEnvelope<PayloadOf<D>>,
  tx: EntityManager,
) => Promise<void>;

/**
 * Applies, set-based, a run of events of one consumer in one transaction that also records them as processed
 * (ADR 0045). The events come in partition order, each at most once and none processed before; the result must be
 * the one applying them one by one in that order would give (projections that merge by rule get it for free).
 */
export type BatchEventHandler<D extends EventDefinition = EventDefinition> = (
  events: EventEnvelope<PayloadOf<D>>[],
  tx: EntityManager,
) => Promise<void>;

/** How a consumer group takes its messages: one by one (the default) or in batches of one transaction each. */
export interface BatchOptions {
  /** At most this many messages in one transaction; the Kafka transport's default when absent. */
  maxBatchSize?: number;
}

export interface RetryPolicy {
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, initialDelayMs: 100, maxDelayMs: 2_000 };
