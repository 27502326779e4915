import { EntityManager } from 'typeorm';
import { EventDefinition, EventEnvelope, PayloadOf } from '@crm/contracts';

/** Runs inside the transaction that also records the event as processed. */
export type EventHandler<D extends EventDefinition = EventDefinition> = (
  event: EventEnvelope<PayloadOf<D>>,
  tx: EntityManager,
) => Promise<void>;

export interface RetryPolicy {
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, initialDelayMs: 100, maxDelayMs: 2_000 };
