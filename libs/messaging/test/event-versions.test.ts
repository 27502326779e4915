import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineDowncast, defineEvent, defineUpcast, EventRegistry, topicFor } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { ConsumerFixture, envelopeOf, SCHEMA } from './consumer-fixture';

// The shape of a real v2 (ADR 0008): same type and topic, a breaking payload, converters both ways.
const OrderPlacedV1 = defineEvent({
  type: 'order.placed',
  version: 1,
  aggregateType: 'order',
  description: 'v1: one amount in yuan',
  payload: z.object({ orderId: z.uuid(), amountYuan: z.number() }),
});
const OrderPlacedV2 = defineEvent({
  type: 'order.placed',
  version: 2,
  aggregateType: 'order',
  description: 'v2: amount in minor units with a currency',
  payload: z.object({
    orderId: z.uuid(),
    amount: z.object({ minor: z.number().int(), currency: z.string().length(3) }),
  }),
});
const registry = new EventRegistry(
  [OrderPlacedV1, OrderPlacedV2],
  [
    defineUpcast(OrderPlacedV1, OrderPlacedV2, ({ orderId, amountYuan }) => ({
      orderId,
      amount: { minor: Math.round(amountYuan * 100), currency: 'CNY' },
    })),
    defineDowncast(OrderPlacedV2, OrderPlacedV1, ({ orderId, amount }) => ({
      orderId,
      amountYuan: amount.minor / 100,
    })),
  ],
);

describe('a v2 event on the topic of its aggregate', () => {
  let fixture: ConsumerFixture;

  beforeAll(async () => {
    fixture = await ConsumerFixture.start('versions');
    const subscriber = fixture.subscriber(registry);
    subscriber.on('billing-v1', OrderPlacedV1, fixture.recorder('billing-v1'));
    subscriber.on('ledger-v2', OrderPlacedV2, fixture.recorder('ledger-v2'));
    await subscriber.start();
  });
  afterAll(() => fixture.stop());

  const applied = (eventId: string) =>
    fixture.query<{ consumer: string; version: number; payload: unknown }>(
      `SELECT consumer, version, payload FROM ${SCHEMA}.applied WHERE event_id = $1 ORDER BY consumer`,
      [eventId],
    );

  it('reaches a v1 consumer and a v2 consumer on one topic, each in the version it understands', async () => {
    expect(topicFor(OrderPlacedV2)).toBe(topicFor(OrderPlacedV1));
    const orderId = randomUUID();
    const v2 = envelopeOf(OrderPlacedV2, orderId, { orderId, amount: { minor: 12_345, currency: 'CNY' } });
    await fixture.transport.publish([
      { topic: topicFor(OrderPlacedV2), key: orderId, value: JSON.stringify(v2), headers: {} },
    ]);
    await eventually(async () =>
      expect(await applied(v2.id)).toEqual([
        { consumer: 'billing-v1', version: 1, payload: { orderId, amountYuan: 123.45 } },
        {
          consumer: 'ledger-v2',
          version: 2,
          payload: { orderId, amount: { minor: 12_345, currency: 'CNY' } },
        },
      ]),
    );
  });

  it('upcasts the v1 events an older producer still publishes for the v2 consumer', async () => {
    const orderId = randomUUID();
    const v1 = envelopeOf(OrderPlacedV1, orderId, { orderId, amountYuan: 8 });
    await fixture.transport.publish([
      { topic: topicFor(OrderPlacedV1), key: orderId, value: JSON.stringify(v1), headers: {} },
    ]);
    await eventually(async () =>
      expect(await applied(v1.id)).toEqual([
        { consumer: 'billing-v1', version: 1, payload: { orderId, amountYuan: 8 } },
        { consumer: 'ledger-v2', version: 2, payload: { orderId, amount: { minor: 800, currency: 'CNY' } } },
      ]),
    );
  });
});
