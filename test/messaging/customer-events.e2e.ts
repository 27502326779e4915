import { Kafka, logLevel } from 'kafkajs';
import { CustomerRegistered, topicFor, validateEvent } from '@crm/contracts';
import {
  createTestDatabase,
  eventually,
  RecordingListener,
  REJECTED_NAME,
  TestDatabase,
  testPlatformConfig,
} from '@crm/testing';
import { CustomerMasterHarness } from '../../apps/customer-master/test/customer-master.harness';

const kafka = () =>
  new Kafka({ brokers: [process.env.TEST_KAFKA_BROKERS as string], logLevel: logLevel.NOTHING });

describe('customer events across services over Kafka', () => {
  let master: CustomerMasterHarness;
  let listenerDb: TestDatabase;
  let listener: RecordingListener;
  let agent: string;

  const startListener = () =>
    RecordingListener.start(
      testPlatformConfig({
        DATABASE_URL: listenerDb.url,
        AUTH_JWKS_URL: master.tokens.jwksUrl,
        KAFKA_NAMESPACE: master.kafkaNamespace,
      }),
    );

  const register = (name: string, phone: string) =>
    master
      .http()
      .post('/customers')
      .set('Authorization', agent)
      .send({ kind: 'person', name, phones: [phone] })
      .expect(201);

  beforeAll(async () => {
    master = await CustomerMasterHarness.start();
    agent = await master.as(['agent']);
    listenerDb = await createTestDatabase('listener');
    listener = await startListener();
  });

  afterAll(async () => {
    await listener.stop();
    await master.stop();
    await listenerDb.drop();
  });

  it('delivers customer.registered from the HTTP API to another application with a valid envelope', async () => {
    const created = await register('王五', '13700137000');
    const [event] = await eventually(async () => {
      const received = (await listener.received()).filter((e) => e.aggregateId === created.body.id);
      expect(received).toHaveLength(1);
      return received;
    });
    expect(() => validateEvent(event)).not.toThrow();
    expect(event).toMatchObject({
      type: 'customer.registered',
      version: 1,
      producer: 'customer-master',
      aggregateType: 'customer',
      actor: expect.objectContaining({ kind: 'user', roles: ['agent'] }),
      payload: expect.objectContaining({ name: '王五', phones: ['+8613700137000'], namePinyin: 'wang wu' }),
    });
  });

  it('dead-letters a poison message and goes on with the next one', async () => {
    const producer = kafka().producer();
    await producer.connect();
    const topic = `${master.kafkaNamespace}${topicFor(CustomerRegistered)}`;
    await producer.send({ topic, messages: [{ key: 'poison', value: '{"this is": "not an envelope"' }] });
    await producer.disconnect();
    const next = await register('赵六', '13600136000');

    await eventually(async () => {
      expect((await listener.received()).map((e) => e.aggregateId)).toContain(next.body.id);
    });
    const deadLetters = await listener.deadLetters();
    expect(deadLetters).toEqual([
      expect.objectContaining({ consumer: 'recorder', topic: topicFor(CustomerRegistered) }),
    ]);
    const parked = await readTopic(`${topic}.dlq`, 1);
    expect(parked[0].value).toBe('{"this is": "not an envelope"');
    expect(parked[0].headers['dead-letter-consumer']).toBe('crm.listener.recorder');
    expect(parked[0].headers['dead-letter-error']).toMatch(/JSON/);
  });

  it('retries a failing handler, then parks the event and carries on', async () => {
    const rejected = await register(REJECTED_NAME, '13500135000');
    const next = await register('钱七', '13400134000');
    await eventually(async () => {
      expect((await listener.received()).map((e) => e.aggregateId)).toContain(next.body.id);
    });
    const parked = (await listener.deadLetters()).filter((d) => d.error.includes('rejects'));
    expect(parked).toEqual([expect.objectContaining({ attempts: 5 })]);
    expect((await listener.received()).map((e) => e.aggregateId)).not.toContain(rejected.body.id);
  });

  async function readTopic(topic: string, count: number) {
    const consumer = kafka().consumer({ groupId: `reader-${Date.now()}` });
    const messages: { value: string; headers: Record<string, string> }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        );
        messages.push({ value: message.value?.toString() ?? '', headers });
      },
    });
    await eventually(() => expect(messages.length).toBeGreaterThanOrEqual(count));
    await consumer.disconnect();
    return messages;
  }
});
