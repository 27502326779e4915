import { z } from 'zod';
import { envelopeSchema } from './envelope';
import { EVENT_CATALOG } from './event-catalog';
import { deadLetterTopicFor, EventDefinition, topicFor } from './event-definition';
import { isoDate } from './shared-schemas';
import { TOPIC_CONFIGS, topicConfigFor } from './topic-config';

type JsonSchema = Record<string, unknown>;

const KAFKA_BINDING_VERSION = '0.5.0';
const ISO_DATE_PATTERN = isoDate.toJSONSchema().pattern;

const ENVELOPE_FIELDS: Record<string, string> = {
  id: 'Event id (UUID); consumers record it to apply each event once.',
  type: 'Event type, `<aggregate>.<past-tense>` (ADR 0008).',
  version:
    'Payload schema version of this event type; a breaking change means a new version on the same topic (ADR 0008).',
  occurredAt: 'When it happened, ISO-8601 UTC.',
  producer: 'The service that published it.',
  aggregateType: 'The kind of record it is about; names the topic.',
  aggregateId: 'The record it is about; also the Kafka message key, so one record keeps its order.',
  aggregateSequence:
    "The record's event number (1, 2, 3…), assigned by the producer's outbox in the transaction that wrote the " +
    'event; replicas keep the highest. Absent on events from before ADR 0021: a numbered event always beats an ' +
    'unnumbered one of the same record, and two unnumbered ones compare by occurredAt.',
  correlationId: 'Shared by everything caused by one request.',
  causationId: 'Id of the event (or null for a request) that caused this one.',
  actor: 'Who did it: a user, a partner or the system.',
  payload: 'The event-specific body, described per message.',
};

const HEADERS: JsonSchema = {
  type: 'object',
  properties: {
    'event-id': { type: 'string', format: 'uuid', description: 'Same as the envelope id.' },
    'event-type': { type: 'string', description: 'Same as the envelope type.' },
    'event-version': {
      type: 'string',
      pattern: '^[1-9][0-9]*$',
      description: 'Same as the envelope version.',
    },
    'correlation-id': { type: 'string', description: 'Same as the envelope correlationId.' },
    'causation-id': { type: 'string', description: 'Same as the envelope causationId; absent when null.' },
    'aggregate-sequence': {
      type: 'string',
      pattern: '^[1-9][0-9]*$',
      description: 'Same as the envelope aggregateSequence; absent when the envelope has none.',
    },
    traceparent: { type: 'string', description: 'W3C trace context of the request that wrote the event.' },
  },
  required: ['event-id', 'event-type', 'event-version', 'correlation-id'],
};

/** zod 4 emits JSON Schema; draft-07 is the dialect AsyncAPI 3.0 schemas are built on. */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const jsonSchema = z.toJSONSchema(schema, { target: 'draft-7' }) as JsonSchema;
  // Embedded schemas take their dialect from the document, not from a $schema of their own.
  delete jsonSchema.$schema;
  return jsonSchema;
}

function messageId(definition: EventDefinition): string {
  return `${definition.type}.v${definition.version}`;
}

function envelopeJsonSchema(): JsonSchema {
  const schema = jsonSchemaOf(envelopeSchema);
  const properties = schema.properties as Record<string, JsonSchema>;
  for (const [field, description] of Object.entries(ENVELOPE_FIELDS)) {
    properties[field] = { ...properties[field], description };
  }
  return schema;
}

function message(definition: EventDefinition): JsonSchema {
  return {
    name: definition.type,
    title: `${definition.type} v${definition.version}`,
    summary: definition.description,
    contentType: 'application/json',
    correlationId: { location: '$message.header#/correlation-id' },
    headers: HEADERS,
    payload: {
      allOf: [
        { $ref: '#/components/schemas/EventEnvelope' },
        {
          type: 'object',
          properties: {
            type: { const: definition.type },
            version: { const: definition.version },
            aggregateType: { const: definition.aggregateType },
            payload: { $ref: `#/components/schemas/${messageId(definition)}` },
          },
        },
      ],
    },
    bindings: {
      kafka: {
        key: { type: 'string', description: `The ${definition.aggregateType} id (envelope aggregateId).` },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

/** The channel's Kafka binding: the declared settings binding 0.5.0 knows (`topicConfiguration`). */
function topicBinding(topic: string): JsonSchema {
  const config = topicConfigFor(topic);
  const topicConfiguration: JsonSchema = {};
  if (config['cleanup.policy']) topicConfiguration['cleanup.policy'] = config['cleanup.policy'].split(',');
  if (config['delete.retention.ms'])
    topicConfiguration['delete.retention.ms'] = Number(config['delete.retention.ms']);
  return Object.keys(topicConfiguration).length > 0
    ? { topic, topicConfiguration, bindingVersion: KAFKA_BINDING_VERSION }
    : { topic, bindingVersion: KAFKA_BINDING_VERSION };
}

function isCompacted(topic: string): boolean {
  return topicConfigFor(topic)['cleanup.policy']?.split(',').includes('compact') ?? false;
}

/** What a compacted topic keeps, and the tombstone that removes a key, told in its channel description. */
function compactionNote(topic: string): string {
  if (!isCompacted(topic)) return '';
  const settings = Object.entries(topicConfigFor(topic))
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  return (
    ` Compacted (${settings}): the latest message of each key stays. A null value (tombstone) follows the event ` +
    `that erases a record and removes every earlier message of its key; consumers skip tombstones.`
  );
}

function groupByTopic(catalog: readonly EventDefinition[]): Map<string, EventDefinition[]> {
  const topics = new Map<string, EventDefinition[]>();
  for (const definition of catalog) {
    const topic = topicFor(definition);
    topics.set(topic, [...(topics.get(topic) ?? []), definition]);
  }
  return topics;
}

/** The AsyncAPI 3.0 document of every event in the catalog; `npm run docs:events` writes it to docs/. */
export function buildAsyncApiDocument(catalog: readonly EventDefinition[] = EVENT_CATALOG): JsonSchema {
  const channels: JsonSchema = {};
  const operations: JsonSchema = {};
  for (const [topic, definitions] of groupByTopic(catalog)) {
    const aggregateType = definitions[0].aggregateType;
    channels[topic] = {
      address: topic,
      title: `${aggregateType} events, stream v${definitions[0].streamVersion ?? 1}`,
      description:
        `Every ${aggregateType} event of this stream version, whatever its payload version, keyed by ${aggregateType} id so one record's events stay ` +
        `in order. Messages a consumer cannot apply after its retries are copied to \`${deadLetterTopicFor(topic)}\`.` +
        compactionNote(topic),
      messages: Object.fromEntries(
        definitions.map((d) => [messageId(d), { $ref: `#/components/messages/${messageId(d)}` }]),
      ),
      bindings: { kafka: topicBinding(topic) },
    };
    operations[`publish.${topic}`] = {
      action: 'send',
      summary: `The owning service publishes ${aggregateType} events through its transactional outbox.`,
      channel: { $ref: `#/channels/${topic}` },
      messages: definitions.map((d) => ({ $ref: `#/channels/${topic}/messages/${messageId(d)}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'CRM platform events',
      version: '1.0.0',
      description:
        'Integration events published by the CRM services. Generated from libs/contracts by `npm run docs:events`; ' +
        'do not edit by hand. Topic and consumer group names get the KAFKA_NAMESPACE prefix when one is set.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: {
      schemas: {
        EventEnvelope: envelopeJsonSchema(),
        ...Object.fromEntries(catalog.map((d) => [messageId(d), jsonSchemaOf(d.payload)])),
      },
      messages: Object.fromEntries(catalog.map((d) => [messageId(d), message(d)])),
    },
  };
}

function describeType(schema: JsonSchema): string {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(describeType).join(' \\| ');
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map(String).join(' \\| ');
  if (Array.isArray(schema.type))
    return schema.type.map((type) => describeType({ ...schema, type })).join(' \\| ');
  if (schema.type === 'array') {
    const item = describeType(schema.items as JsonSchema);
    return item.includes('|') ? `(${item})[]` : `${item}[]`;
  }
  if (schema.type === 'string' && typeof schema.format === 'string') return schema.format;
  if (schema.type === 'string' && schema.pattern === ISO_DATE_PATTERN) return 'date';
  return String(schema.type ?? 'any');
}

function payloadFields(definition: EventDefinition): string {
  const schema = jsonSchemaOf(definition.payload);
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)
    .map(([name, property]) => `\`${name}\`${required.has(name) ? '' : '?'}: ${describeType(property)}`)
    .join(', ');
}

function compactedTopics(): string {
  return Object.keys(TOPIC_CONFIGS)
    .filter(isCompacted)
    .map((topic) => `\`${topic}\``)
    .join(', ');
}

/** The human-readable event table written to docs/events.md next to the AsyncAPI document. */
export function renderEventsMarkdown(catalog: readonly EventDefinition[] = EVENT_CATALOG): string {
  const rows = catalog.map((d) =>
    [`\`${d.type}\``, d.version, `\`${topicFor(d)}\``, d.description, payloadFields(d)].join(' | '),
  );
  return [
    '# Event catalog',
    '',
    'Generated from `libs/contracts` by `npm run docs:events`; do not edit by hand. The full schemas are in',
    '[asyncapi.json](asyncapi.json) (AsyncAPI 3.0).',
    '',
    'Every event travels in the same envelope: `id`, `type`, `version`, `occurredAt`, `producer`, `aggregateType`,',
    '`aggregateId`, `aggregateSequence`, `correlationId`, `causationId`, `actor`, `payload`. The Kafka message key is',
    'the aggregate id; the headers `event-id`, `event-type`, `event-version`, `correlation-id`, `causation-id`,',
    '`aggregate-sequence` and `traceparent` repeat the envelope for routing and tracing. Messages a consumer gives up',
    'on go to `<topic>.dlq`.',
    '',
    "`aggregateSequence` numbers one record's events 1, 2, 3… in the order its producer wrote them; a replica keeps",
    'the state of the highest number it has seen, whatever the clocks said. Events written before it existed have none:',
    'a numbered event always beats an unnumbered one of the same record, and two unnumbered ones compare by',
    '`occurredAt` (docs/adr/0021-per-aggregate-event-sequence.md).',
    '',
    'Names are `<aggregate>.<past-tense>`; each aggregate has one topic, `crm.<aggregate>.v<stream version>`, and a',
    'new payload version of an event stays on it (docs/adr/0008-event-naming-and-versioning.md).',
    '',
    `Compacted topics keep the latest message of each key: ${compactedTopics()}. There the event that erases a`,
    'record is followed by a tombstone (null value) for its key, which removes its earlier messages; consumers skip',
    'tombstones (docs/adr/0013-personal-data-erasure-export-and-read-audit.md).',
    '',
    '| type | version | topic | description | payload fields |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
  ].join('\n');
}
