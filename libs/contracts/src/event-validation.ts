import { z } from 'zod';
import { EventEnvelope, envelopeSchema } from './envelope';
import { findEventDefinition } from './event-catalog';

export class InvalidEventError extends Error {
  constructor(
    message: string,
    readonly issues: string[],
  ) {
    super(`${message}: ${issues.join('; ')}`);
  }
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** Checks an envelope and its payload against the catalog; used both when publishing and when consuming. */
export function validateEvent(raw: unknown): EventEnvelope {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success)
    throw new InvalidEventError('invalid event envelope', describeIssues(envelope.error));
  const definition = findEventDefinition(envelope.data.type, envelope.data.version);
  if (!definition) {
    throw new InvalidEventError('unknown event', [
      `${envelope.data.type} v${envelope.data.version} is not in the catalog`,
    ]);
  }
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success)
    throw new InvalidEventError(`invalid ${definition.type} payload`, describeIssues(payload.error));
  return { ...envelope.data, payload: payload.data } as EventEnvelope;
}
