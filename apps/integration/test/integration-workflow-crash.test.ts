import { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import request from 'supertest';
import { deadLetterTopicFor, EventEnvelope, Roles, TicketOpened, topicFor } from '@crm/contracts';
import { KafkaTransport } from '@crm/messaging';
import {
  createTestDatabase,
  deliver,
  eventually,
  stampedEvent,
  TestDatabase,
  TestTokenIssuer,
  withClient,
} from '@crm/testing';
import { forkServer, listeningPort } from '../../../test/bench/bench-process';
import { CallSubscriberReceiver } from './call-subscriber-receiver';
import { criticalTicketRule, openedTicket } from './workflow-fixture';

const EVENTS = 40;
const KILL_AFTER_CALLS = 8;

describe('a workflow rule across a kill -9 of the integration app', () => {
  let database: TestDatabase;
  let tokens: TestTokenIssuer;
  let receiver: CallSubscriberReceiver;
  let transport: KafkaTransport;
  const apps: ChildProcess[] = [];
  const namespace = `t${randomBytes(4).toString('hex')}.`;

  const startApp = async (): Promise<string> => {
    const app = forkServer(
      join(__dirname, 'integration-app.process.ts'),
      {
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        DATABASE_URL: database.url,
        REDIS_URL: process.env.TEST_REDIS_URL,
        KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS,
        KAFKA_NAMESPACE: namespace,
        AUTH_JWKS_URL: tokens.jwksUrl,
      },
      ['ignore', 'ignore', 'inherit', 'ipc'],
    );
    apps.push(app);
    // A forked app compiles its TypeScript on start: slow on a busy machine.
    return `http://127.0.0.1:${await listeningPort(app, 'integration', 180_000)}`;
  };
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    withClient(database.url, async (client) => Number((await client.query(sql, params)).rows[0].count));

  beforeAll(async () => {
    database = await createTestDatabase('integration_crash');
    tokens = await TestTokenIssuer.start();
    // Each call is held before it is answered, so the kill lands with calls in flight.
    receiver = await CallSubscriberReceiver.start({ delayMs: 300 });
    transport = new KafkaTransport({
      brokers: (process.env.TEST_KAFKA_BROKERS as string).split(','),
      clientId: 'workflow-crash-test',
      namespace,
      partitions: 3,
    });
    const topic = topicFor(TicketOpened);
    await transport.ensureTopics([topic, deadLetterTopicFor(topic)]);
  }, 60_000);

  afterAll(async () => {
    for (const app of apps) if (app.exitCode === null && app.signalCode === null) app.kill('SIGKILL');
    await transport?.close();
    await receiver?.stop();
    await tokens?.stop();
    await database?.drop();
  });

  it('ends with exactly one firing and one call per matching event', async () => {
    const url = await startApp();
    const admin = `Bearer ${await tokens.sign({ roles: [Roles.admin] })}`;
    const rule = await request(url)
      .post('/workflow/rules')
      .set('Authorization', admin)
      .send(criticalTicketRule(receiver.url, 'crash'))
      .expect(201);
    const events: EventEnvelope[] = Array.from({ length: EVENTS }, () =>
      stampedEvent(TicketOpened, randomUUID(), openedTicket(), { occurredAt: new Date().toISOString() }),
    );
    const ignored = stampedEvent(TicketOpened, randomUUID(), openedTicket({ severity: 'low' }), {
      occurredAt: new Date().toISOString(),
    });
    await deliver(transport, ...events, ignored);

    await eventually(() => expect(receiver.requests).toBeGreaterThanOrEqual(KILL_AFTER_CALLS), 180_000, 5);
    const first = apps[0];
    first.kill('SIGKILL');
    await once(first, 'exit');
    const atKill = await count(`SELECT count(*) FROM integration.workflow_firing WHERE status = 'succeeded'`);
    expect(atKill).toBeLessThan(EVENTS);

    await startApp();
    // The same events again, as Kafka redelivers what was not committed: nothing new may fire.
    await deliver(transport, ...events.slice(0, 10));
    await eventually(
      async () =>
        expect(
          await count(`SELECT count(*) FROM integration.workflow_firing WHERE status = 'succeeded'`),
        ).toBe(EVENTS),
      120_000,
      200,
    );
    expect(await count(`SELECT count(*) FROM integration.workflow_firing`)).toBe(EVENTS);
    expect(
      await count(
        `SELECT count(DISTINCT input->'event'->>'id') AS count FROM integration.workflow_firing
          WHERE rule_id = $1`,
        [rule.body.ruleId],
      ),
    ).toBe(EVENTS);
    expect(await count(`SELECT count(*) FROM integration.workflow_task`)).toBe(EVENTS);
    expect(receiver.keys.size).toBe(EVENTS);
    const calledFor = new Set(receiver.bodies.map((body) => (body as { event: { id: string } }).event.id));
    expect([...calledFor].sort()).toEqual(events.map((event) => event.id).sort());
    console.log(
      `kill -9 mid-run: ${atKill} of ${EVENTS} firings done at the kill; ${receiver.requests} calls for ` +
        `${receiver.keys.size} idempotency keys (${receiver.requests - receiver.keys.size} repeats dropped)`,
    );
  }, 420_000);
});
