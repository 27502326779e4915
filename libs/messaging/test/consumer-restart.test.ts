import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaJSNonRetriableError } from 'kafkajs';
import { CustomerRegistered, CustomerState } from '@crm/contracts';
import {
  consumerRestarts,
  consumerUp,
  EventSubscriber,
  KafkaTransport,
  messagingMetricsRegistry,
} from '@crm/messaging';
import { eventually } from '@crm/testing';
import { freePort, RunningBroker, startKafkaBroker } from '../../../test/infra/kafka/kafka-broker';
import { ConsumerFixture, envelopeOf, SCHEMA, topicOf } from './consumer-fixture';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const customer = (customerId: string): CustomerState => ({
  customerId,
  kind: 'person',
  name: '周九',
  namePinyin: 'zhou jiu',
  phones: ['+8613400134000'],
  emails: [],
  address: null,
  birthday: null,
  gender: null,
  tags: [],
  ownerSalesRepId: null,
  consents: [],
});

/** How often a consumer group's member was started again (crashed, or failed to start), as its metric counts. */
async function restartsOf(group: string): Promise<number> {
  const { values } = await consumerRestarts.get();
  return values.find((value) => value.labels.group === group)?.value ?? 0;
}

async function upOf(group: string): Promise<number | undefined> {
  const { values } = await consumerUp.get();
  return values.find((value) => value.labels.group === group)?.value;
}

/**
 * Between a member's restarts production backs off up to 30 s, and a member that rejoins waits up to the
 * 10 s session for the one it replaces: both would only make these tests wait once the broker is back.
 * The growing backoff itself is unit-tested (supervised-consumer.spec.ts).
 */
const FAST_RECOVERY = { connectBackoff: { initialMs: 250, maxMs: 2_000 }, sessionTimeoutMs: 5_000 };

/**
 * A consumer outlives its broker: it is stopped (briefly, long enough for kafkajs to give up, and
 * while the group is still joining) and started again on the same port and data, and every event
 * published afterwards is still applied. This broker is the test's own; the shared one stays up.
 */
describe('a consumer whose broker stops and starts again', () => {
  let dataDir: string;
  let port: number;
  let broker: RunningBroker;
  let fixture: ConsumerFixture | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-kafka-restart-'));
    port = await freePort();
    broker = await startKafkaBroker({ port, dataDir });
  }, 120_000);

  afterEach(async () => {
    await fixture?.stop();
    fixture = undefined;
  });

  afterAll(async () => {
    await broker.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The broker is away for `outageMs`, or until `outage` resolves. */
  async function restartBroker(outage: number | (() => Promise<unknown>)): Promise<void> {
    await broker.stop();
    await (typeof outage === 'number' ? sleep(outage) : outage());
    broker = await startKafkaBroker({ port, dataDir });
  }

  /**
   * An outage that lasts until kafkajs has given up on the member (its retries ran out and it crashed or
   * failed to start) and the member started after it has failed too: two restarts, both while the broker is away.
   */
  const untilKafkajsGaveUp = (group: string) => async () => {
    const before = await restartsOf(group);
    await eventually(
      async () => expect(await restartsOf(group)).toBeGreaterThanOrEqual(before + 2),
      120_000,
      250,
    );
  };

  const probeGroup = () => `${fixture!.namespace}crm.consumer.probe`;

  async function consumerOnOwnBroker(): Promise<EventSubscriber> {
    fixture = await ConsumerFixture.start('broker-restart', [broker.brokers], FAST_RECOVERY);
    const subscriber = fixture.subscriber();
    subscriber.on('probe', CustomerRegistered, fixture.recorder('probe'));
    return subscriber;
  }

  /** Publishes events on many keys (so all three partitions get some) and waits until each was applied. */
  async function expectAllApplied(count: number, timeoutMs = 120_000): Promise<void> {
    const consumer = fixture!;
    const envelopes = Array.from({ length: count }, () => {
      const id = randomUUID();
      return envelopeOf(CustomerRegistered, id, customer(id));
    });
    const messages = envelopes.map((envelope) => ({
      topic: topicOf(CustomerRegistered),
      key: envelope.aggregateId,
      value: JSON.stringify(envelope),
      headers: {},
    }));
    await eventually(() => consumer.transport.publish(messages), 60_000, 500);
    const ids = envelopes.map((envelope) => envelope.id);
    await eventually(
      async () => {
        const [{ applied }] = await consumer.query<{ applied: number }>(
          `SELECT count(*)::int AS applied FROM ${SCHEMA}.applied WHERE event_id = ANY($1::uuid[])`,
          [ids],
        );
        expect(applied).toBe(count);
      },
      timeoutMs,
      500,
    );
  }

  it('keeps consuming after a short outage', async () => {
    const subscriber = await consumerOnOwnBroker();
    await subscriber.start();
    await expectAllApplied(5);

    await restartBroker(3_000);
    await expectAllApplied(30);
  }, 300_000);

  it('keeps consuming after an outage long enough for kafkajs to give up', async () => {
    const subscriber = await consumerOnOwnBroker();
    await subscriber.start();
    await expectAllApplied(5);

    await restartBroker(untilKafkajsGaveUp(probeGroup()));
    await expectAllApplied(30);
    expect(await upOf(probeGroup())).toBe(1);
  }, 400_000);

  it('joins its group once the broker is back when it stopped during the first join', async () => {
    const subscriber = await consumerOnOwnBroker();
    await fixture!.transport.ensureTopics(subscriber.topics());
    const joining = subscriber.start();
    await sleep(200);
    await restartBroker(untilKafkajsGaveUp(probeGroup()));
    await joining;
    await expectAllApplied(30);
    expect(await upOf(probeGroup())).toBe(1);
  }, 400_000);
});

describe('a consumer that crashes with an error kafkajs does not retry', () => {
  it('is started again and handles the message it crashed on', async () => {
    const namespace = `t${randomUUID().slice(0, 8)}.`;
    const metric = async (name: string) =>
      Number(
        (await messagingMetricsRegistry.getSingleMetricAsString(name))
          .split('\n')
          .find((line) => line.startsWith(`${name}{group="${namespace}crash-probe"}`))
          ?.split(' ')[1],
      );
    const transport = new KafkaTransport({
      brokers: [process.env.TEST_KAFKA_BROKERS as string],
      clientId: 'crashing-consumer',
      namespace,
      partitions: 3,
      connectBackoff: { initialMs: 200, maxMs: 1_000 },
    });
    const handled: string[] = [];
    let crashes = 0;
    try {
      await transport.ensureTopics(['crm.crash.v1']);
      await transport.subscribe({
        groupId: 'crash-probe',
        topics: ['crm.crash.v1'],
        handle: async (message) => {
          if (crashes++ === 0) throw new KafkaJSNonRetriableError('the member lost its group');
          handled.push(String(message.value));
        },
      });
      await transport.publish([{ topic: 'crm.crash.v1', key: 'k', value: 'first', headers: {} }]);
      await eventually(() => expect(handled).toContain('first'), 30_000, 100);
      expect(await metric('crm_messaging_consumer_restarts_total')).toBeGreaterThanOrEqual(1);
      expect(await metric('crm_messaging_consumer_up')).toBe(1);
      await transport.publish([{ topic: 'crm.crash.v1', key: 'k', value: 'second', headers: {} }]);
      await eventually(() => expect(handled).toEqual(['first', 'second']), 30_000, 100);
    } finally {
      await transport.close();
    }
  });
});
