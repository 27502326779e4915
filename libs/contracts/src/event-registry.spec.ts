import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { EVENT_CATALOG } from './event-catalog';
import { defineEvent, topicFor } from './event-definition';
import { SYSTEM_ACTOR } from './envelope';
import { EventRegistry, UnknownEventVersionError } from './event-registry';
import { defineDowncast, defineUpcast } from './event-versions';
import { InvalidEventError } from './event-validation';

// A v2 that splits `name`: v2 events carry the new fields; converters keep v1 readers running.
const NotedV1 = defineEvent({
  type: 'sample.noted',
  version: 1,
  aggregateType: 'sample',
  description: 'v1',
  payload: z.object({ sampleId: z.uuid(), name: z.string() }),
});
const NotedV2 = defineEvent({
  type: 'sample.noted',
  version: 2,
  aggregateType: 'sample',
  description: 'v2',
  payload: z.object({ sampleId: z.uuid(), givenName: z.string(), familyName: z.string() }),
});
const registry = new EventRegistry(
  [NotedV1, NotedV2],
  [
    defineUpcast(NotedV1, NotedV2, ({ sampleId, name }) => {
      const [familyName, ...given] = name.split(' ');
      return { sampleId, familyName, givenName: given.join(' ') };
    }),
    defineDowncast(NotedV2, NotedV1, ({ sampleId, givenName, familyName }) => ({
      sampleId,
      name: `${familyName} ${givenName}`,
    })),
  ],
);

const envelope = (version: number, payload: unknown) => ({
  id: randomUUID(),
  type: 'sample.noted',
  version,
  occurredAt: new Date().toISOString(),
  producer: 'test',
  aggregateType: 'sample',
  aggregateId: 'a',
  correlationId: 'c',
  causationId: null,
  actor: SYSTEM_ACTOR,
  payload,
});
const sampleId = randomUUID();

describe(EventRegistry.name, () => {
  it('downcasts a v2 event for a consumer written for v1', () => {
    const event = registry.readAs(envelope(2, { sampleId, givenName: '小明', familyName: '王' }), NotedV1);
    expect(event).toMatchObject({ version: 1, payload: { sampleId, name: '王 小明' } });
  });

  it('upcasts a v1 event still on the topic for a consumer written for v2', () => {
    const event = registry.readAs(envelope(1, { sampleId, name: '王 小明' }), NotedV2);
    expect(event).toMatchObject({ version: 2, payload: { sampleId, familyName: '王', givenName: '小明' } });
  });

  it('reads a version it has never heard of as an older one when the payload still carries its fields', () => {
    const older = new EventRegistry([NotedV1]);
    const v3 = envelope(3, { sampleId, name: '王 小明', displayName: 'Wang Xiaoming' });
    expect(older.readAs(v3, NotedV1)).toMatchObject({ version: 1, payload: { sampleId, name: '王 小明' } });
  });

  it('refuses a version it cannot reach, and a payload invalid for its own version', () => {
    const older = new EventRegistry([NotedV1]);
    expect(() => older.readAs(envelope(2, { sampleId, givenName: 'a', familyName: 'b' }), NotedV1)).toThrow(
      UnknownEventVersionError,
    );
    expect(() => registry.readAs(envelope(2, { sampleId, name: 'only v1 fields' }), NotedV1)).toThrow(
      InvalidEventError,
    );
  });

  it('keeps both versions of an event on one topic, the stream of its aggregate', () => {
    expect(topicFor(NotedV2)).toBe(topicFor(NotedV1));
  });
});

describe('the event catalog', () => {
  it('names every event `<aggregate>.<past-tense>` after its aggregate', () => {
    for (const definition of EVENT_CATALOG) {
      expect(definition.type).toMatch(new RegExp(`^${definition.aggregateType}\\.[a-z]+(-[a-z]+)*$`));
    }
  });

  it('gives all events of one aggregate one topic', () => {
    const topics = new Map<string, Set<string>>();
    for (const definition of EVENT_CATALOG) {
      topics.set(
        definition.aggregateType,
        (topics.get(definition.aggregateType) ?? new Set()).add(topicFor(definition)),
      );
    }
    for (const [, set] of topics) expect(set.size).toBe(1);
  });
});
