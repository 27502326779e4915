import { z } from 'zod';

/**
 * One published event type: its name (`<aggregate>.<past-tense>`), payload schema version,
 * aggregate and payload schema (docs/adr/0008).
 */
export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  type: TType;
  /** The payload's version: a breaking change of this event's payload bumps it, and only it. */
  version: number;
  aggregateType: string;
  description: string;
  payload: TSchema;
  /**
   * The major version of the aggregate's stream (its topic), shared by every event of the
   * aggregate; 1 when absent. It moves only when the whole stream is re-keyed or re-cut.
   */
  streamVersion?: number;
}

export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  definition: EventDefinition<TType, TSchema>,
): EventDefinition<TType, TSchema> {
  return definition;
}

export type PayloadOf<TDefinition> =
  TDefinition extends EventDefinition<string, infer S> ? z.infer<S> : never;

/**
 * One topic per aggregate type and stream version, e.g. `crm.customer.v1`; key = aggregate id.
 * A new payload version of one event stays on its aggregate's topic, so one aggregate's events
 * keep a single order (docs/adr/0008).
 */
export function topicFor(definition: Pick<EventDefinition, 'aggregateType' | 'streamVersion'>): string {
  return `crm.${definition.aggregateType}.v${definition.streamVersion ?? 1}`;
}

export function deadLetterTopicFor(topic: string): string {
  return `${topic}.dlq`;
}
