import { z } from 'zod';

/** One published event type: its name, payload schema version, aggregate and payload schema. */
export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  type: TType;
  version: number;
  aggregateType: string;
  description: string;
  payload: TSchema;
}

export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  definition: EventDefinition<TType, TSchema>,
): EventDefinition<TType, TSchema> {
  return definition;
}

export type PayloadOf<TDefinition> =
  TDefinition extends EventDefinition<string, infer S> ? z.infer<S> : never;

/** One topic per aggregate type and major version, e.g. `crm.customer.v1`; key = aggregate id. */
export function topicFor(definition: Pick<EventDefinition, 'aggregateType' | 'version'>): string {
  return `crm.${definition.aggregateType}.v${definition.version}`;
}

export function deadLetterTopicFor(topic: string): string {
  return `${topic}.dlq`;
}
