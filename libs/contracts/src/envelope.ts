import { z } from 'zod';

export const actorSchema = z.object({
  id: z.string().min(1).max(200),
  kind: z.enum(['user', 'partner', 'system']),
  roles: z.array(z.string()).max(20).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const SYSTEM_ACTOR: Actor = { id: 'system', kind: 'system' };
/** A customer acting without an account, e.g. answering a survey link. */
export const CUSTOMER_ACTOR: Actor = { id: 'customer', kind: 'system' };

export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  producer: z.string().min(1),
  aggregateType: z.string().min(1),
  aggregateId: z.string().min(1),
  /** Absent on events written before producers numbered them (ADR 0021); consumers still accept those. */
  aggregateSequence: z.number().int().positive().optional(),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  actor: actorSchema,
  payload: z.unknown(),
});

export interface EventEnvelope<TPayload = unknown, TType extends string = string> {
  id: string;
  type: TType;
  version: number;
  occurredAt: string;
  producer: string;
  aggregateType: string;
  aggregateId: string;
  /** 1, 2, 3… per aggregate, assigned by the producer's outbox in the transaction that writes the event. */
  aggregateSequence?: number;
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  payload: TPayload;
}
