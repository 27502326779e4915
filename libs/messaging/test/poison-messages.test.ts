import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { CustomerRegistered, CustomerState } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { ParkReasons, tombstonesSkipped } from '@crm/messaging';
import { ConsumerFixture, envelopeOf, PARTITIONS, SCHEMA, topicOf } from './consumer-fixture';

const customer = (customerId: string): CustomerState => ({
  customerId,
  kind: 'person',
  name: '孙八',
  namePinyin: 'sun ba',
  phones: ['+8613300133000'],
  emails: [],
  address: null,
  birthday: null,
  gender: null,
  tags: [],
  ownerSalesRepId: null,
  consents: [],
});

interface DeadLetterRow {
  reason: string;
  raw_value: Buffer | null;
  value_is_null: boolean;
  message: string | null;
  kafka_partition: number;
  kafka_offset: string;
  error: string;
}

describe('a consumer meeting poison messages', () => {
  let fixture: ConsumerFixture;
  const topic = topicOf(CustomerRegistered);
  const key = randomUUID(); // one key: every message below lands on the same partition, in this order
  const nulByte = Buffer.from('{"id":"\u0000 not json', 'utf8');
  const invalidUtf8 = Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x7d]);
  const huge = Buffer.alloc(900_000, 'x');
  const poisons: { label: string; value: Buffer | string; reason: string }[] = [
    { label: 'a NUL byte', value: nulByte, reason: ParkReasons.notJson },
    { label: 'invalid UTF-8', value: invalidUtf8, reason: ParkReasons.invalidUtf8 },
    { label: 'a huge value', value: huge, reason: ParkReasons.notJson },
    { label: 'an empty value', value: Buffer.alloc(0), reason: ParkReasons.emptyValue },
    { label: 'a JSON array', value: '[1,2,3]', reason: ParkReasons.invalidEnvelope },
    {
      label: 'a known type at an unknown version',
      value: JSON.stringify(envelopeOf(CustomerRegistered, key, { surprise: true }, { version: 7 })),
      reason: ParkReasons.unknownVersion,
    },
    {
      label: 'a payload failing its schema',
      value: JSON.stringify(envelopeOf(CustomerRegistered, key, { customerId: 'not-a-uuid' })),
      reason: ParkReasons.invalidPayload,
    },
  ];
  const unknownType = envelopeOf(CustomerRegistered, key, { anything: 1 }, { type: 'customer.teleported' });
  const valid = envelopeOf(CustomerRegistered, key, customer(randomUUID()));

  beforeAll(async () => {
    fixture = await ConsumerFixture.start('poison');
  });
  afterAll(() => fixture.stop());

  const startConsumer = async () => {
    const subscriber = fixture.subscriber();
    subscriber.on('poison', CustomerRegistered, fixture.recorder('poison'));
    await subscriber.start();
  };
  const deadLetters = () =>
    fixture.query<DeadLetterRow>(
      `SELECT reason, raw_value, value_is_null, message, kafka_partition, kafka_offset::text, error
         FROM ${SCHEMA}.dead_letter ORDER BY kafka_offset`,
    );

  const tombstonesSeen = async () =>
    (await tombstonesSkipped.get()).values
      .filter((value) => value.labels.consumer === 'poison' && value.labels.topic === topic)
      .reduce((sum, value) => sum + value.value, 0);

  it('parks each poison once, passes over a tombstone and applies the valid event behind them on the same partition', async () => {
    await startConsumer();
    for (const poison of poisons.slice(0, 5)) await fixture.sendRaw(topic, [{ key, value: poison.value }]);
    // A null value is a tombstone (ADR 0013): not a poison, nothing to apply.
    await fixture.sendRaw(topic, [{ key, value: null }]);
    await fixture.sendRaw(topic, [{ key, value: JSON.stringify(unknownType) }]);
    for (const poison of poisons.slice(5)) await fixture.sendRaw(topic, [{ key, value: poison.value }]);
    await fixture.sendRaw(topic, [{ key, value: JSON.stringify(valid) }]);

    await eventually(async () => {
      const applied = await fixture.query<{ event_id: string }>(`SELECT event_id FROM ${SCHEMA}.applied`);
      expect(applied.map((row) => row.event_id)).toEqual([valid.id]);
    }, 30_000);
    const parked = await deadLetters();
    expect(parked.map((row) => row.reason)).toEqual(poisons.map((poison) => poison.reason));
    expect(new Set(parked.map((row) => row.kafka_partition)).size).toBe(1);
    expect(parked[0].raw_value).toEqual(nulByte);
    expect(parked[0].message).not.toContain('\u0000');
    expect(parked[1].raw_value).toEqual(invalidUtf8);
    expect(parked[2].raw_value?.length).toBe(huge.length);
    expect(parked[3].raw_value).toEqual(Buffer.alloc(0));
    expect(parked.some((row) => row.value_is_null)).toBe(false);
    expect(await tombstonesSeen()).toBe(1);
    expect(parked.every((row) => !row.error.includes('\u0000'))).toBe(true);

    const skipped = await fixture.query(`SELECT event_id, event_type, reason FROM ${SCHEMA}.skipped_event`);
    expect(skipped).toEqual([
      { event_id: unknownType.id, event_type: 'customer.teleported', reason: 'unknown-type' },
    ]);
  });

  it('records nothing twice when the partition is read again from the start', async () => {
    await fixture.transport.stopConsuming();
    const admin = new Kafka({
      brokers: [process.env.TEST_KAFKA_BROKERS as string],
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [`${fixture.namespace}${topic}`] })).topics;
    expect(metadata.partitions).toHaveLength(PARTITIONS);
    await admin.resetOffsets({
      groupId: `${fixture.namespace}crm.consumer.poison`,
      topic: `${fixture.namespace}${topic}`,
      earliest: true,
    });
    await admin.disconnect();
    const before = await fixture.query<{ offset: string }>(
      `SELECT max(kafka_offset)::text AS offset FROM ${SCHEMA}.dead_letter`,
    );

    await startConsumer();
    // A marker behind everything: once it is applied, the re-read of the poisons is over.
    const marker = envelopeOf(CustomerRegistered, key, customer(randomUUID()));
    await fixture.sendRaw(topic, [{ key, value: JSON.stringify(marker) }]);
    await eventually(async () => {
      const applied = await fixture.query<{ event_id: string }>(`SELECT event_id FROM ${SCHEMA}.applied`);
      expect(applied.map((row) => row.event_id)).toEqual([valid.id, marker.id]);
    }, 30_000);
    expect(await deadLetters()).toHaveLength(poisons.length);
    expect(
      await fixture.query(`SELECT max(kafka_offset)::text AS offset FROM ${SCHEMA}.dead_letter`),
    ).toEqual(before);
    expect(await fixture.query(`SELECT id FROM ${SCHEMA}.skipped_event`)).toHaveLength(1);
  });
});
