import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineEvent, topicFor } from '@crm/contracts';
import { DeadLetterReplay, messagingMetricsRegistry } from '@crm/messaging';
import { eventually } from '@crm/testing';
import { EventRegistry } from '@crm/contracts';
import { ConsumerFixture, envelopeOf, SCHEMA } from './consumer-fixture';

const NoteTaken = defineEvent({
  type: 'note.taken',
  version: 1,
  aggregateType: 'note',
  description: 'test event',
  payload: z.object({ text: z.string() }),
});

describe(DeadLetterReplay.name, () => {
  let fixture: ConsumerFixture;
  let replay: DeadLetterReplay;
  let handlerFixed = false;

  beforeAll(async () => {
    fixture = await ConsumerFixture.start('replay');
    replay = new DeadLetterReplay(fixture.dataSource, fixture.transport, SCHEMA);
    const subscriber = fixture.subscriber(new EventRegistry([NoteTaken]));
    const record = fixture.recorder('notes');
    subscriber.on('notes', NoteTaken, async (event, tx) => {
      if (!handlerFixed) throw new Error('the notes handler has a bug');
      await record(event, tx);
    });
    await subscriber.start();
  });
  afterAll(() => fixture.stop());

  const applied = () => fixture.query<{ event_id: string }>(`SELECT event_id FROM ${SCHEMA}.applied`);
  const publish = async (text: string) => {
    const key = randomUUID();
    const event = envelopeOf(NoteTaken, key, { text });
    await fixture.transport.publish([
      { topic: topicFor(NoteTaken), key, value: JSON.stringify(event), headers: {} },
    ]);
    return event;
  };

  it('puts parked events back on their topic so the fixed consumer applies them, once', async () => {
    const first = await publish('one');
    const second = await publish('two');
    await fixture.sendRaw(topicFor(NoteTaken), [{ key: 'junk', value: Buffer.from([0xff, 0x00]) }]);
    const parked = await eventually(async () => {
      const rows = await replay.list({ topic: topicFor(NoteTaken) });
      expect(rows.map((row) => row.reason).sort()).toEqual([
        'handler-failed',
        'handler-failed',
        'invalid-utf8',
      ]);
      return rows;
    });
    expect(
      await messagingMetricsRegistry.getSingleMetricAsString('crm_messaging_dead_letters_total'),
    ).toMatch(
      /crm_messaging_dead_letters_total\{service="consumer",consumer="notes",topic="crm.note.v1",reason="handler-failed"\} 2/,
    );

    handlerFixed = true;
    const firstRow = parked.find((row) => row.eventId === first.id)!;
    expect(await replay.replay({ ids: [firstRow.id] })).toBe(1);
    await eventually(async () => expect((await applied()).map((row) => row.event_id)).toEqual([first.id]));

    // The rest of the topic: the unreadable bytes stay parked, the first event is not sent again.
    expect(await replay.replay({ topic: topicFor(NoteTaken) })).toBe(1);
    await eventually(async () =>
      expect((await applied()).map((row) => row.event_id).sort()).toEqual([first.id, second.id].sort()),
    );
    expect((await replay.list({ topic: topicFor(NoteTaken) })).map((row) => row.reason)).toEqual([
      'invalid-utf8',
    ]);
    expect(await replay.replay({ topic: topicFor(NoteTaken) })).toBe(0);
  });
});
