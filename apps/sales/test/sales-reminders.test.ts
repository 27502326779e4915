import { randomBytes, randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import {
  ActivityNextStepDue,
  EventEnvelope,
  PayloadOf,
  Roles,
  SalesNotificationRaised,
  topicFor,
} from '@crm/contracts';
import { FixedClock } from '@crm/core';
import { eventually } from '@crm/testing';
import { NextStepReminders } from '../src/reminders/next-step-reminders';
import { SalesHarness } from './sales.harness';

const DAY = 86_400_000;

describe('next-step reminders with an injected clock', () => {
  const clock = new FixedClock(new Date('2026-12-01T08:00:00Z'));
  const kafkaNamespace = `t${randomBytes(4).toString('hex')}.`;
  let sales: SalesHarness;
  let rep: string;

  const fireDue = (instance: SalesHarness = sales) => instance.app.get(NextStepReminders).fireDue();
  const reminded = async () =>
    (await sales.query<{ id: string }>(`SELECT activity_id AS id FROM sales.next_step_reminder`)).map(
      (r) => r.id,
    );
  const log = async (body: Record<string, unknown>) =>
    (
      await sales
        .http()
        .post('/activities')
        .set('authorization', rep)
        .send({ type: 'call', subject: 'call', discussed: 'talked', ...body })
        .expect(201)
    ).body.id as string;
  const opportunity = async (name: string) =>
    (await sales.http().post('/opportunities').set('authorization', rep).send({ name }).expect(201)).body.id;

  beforeAll(async () => {
    sales = await SalesHarness.start({ clock, kafkaNamespace });
    await sales.tree([
      ['manager', null],
      ['rep', 'manager'],
    ]);
    rep = await sales.auth({ sub: 'rep', roles: [Roles.salesRep] });
  });

  afterAll(() => sales?.stop());

  describe('one next step', () => {
    let open: string;
    let followedUp: string;

    beforeAll(async () => {
      const deal = await opportunity('Aurora S7');
      open = await log({
        subject: '试驾后跟进',
        nextStep: '发送金融方案',
        nextStepDue: '2026-12-03',
        occurredAt: '2026-11-30T10:00:00Z',
        opportunityId: deal,
      });
      const otherDeal = await opportunity('Nova E3');
      followedUp = await log({
        nextStep: 'send brochure',
        nextStepDue: '2026-12-02',
        occurredAt: '2026-11-30T09:00:00Z',
        opportunityId: otherDeal,
      });
      await log({ subject: 'brochure sent', occurredAt: '2026-11-30T15:00:00Z', opportunityId: otherDeal });
    });

    it('does not remind before the due date', async () => {
      await fireDue();
      expect(await reminded()).toEqual([]);
    });

    it('reminds the owner once the day comes, and never for a next step a later activity followed up', async () => {
      clock.advance(2 * DAY); // 2026-12-03
      await fireDue();
      expect(await reminded()).toEqual([open]);

      const [event] = (await sales.outbox(ActivityNextStepDue.type)).filter((e) => e.aggregateId === open);
      expect(event.payload).toMatchObject({
        ownerId: 'rep',
        nextStep: '发送金融方案',
        nextStepDue: '2026-12-03',
      });
      const inbox = await sales.http().get('/me/notifications').set('authorization', rep).expect(200);
      expect(inbox.body.items).toEqual([
        expect.objectContaining({
          kind: 'next_step_due',
          recordType: 'activity',
          recordId: open,
          readAt: null,
        }),
      ]);
      expect((await sales.outbox(ActivityNextStepDue.type)).map((e) => e.aggregateId)).not.toContain(
        followedUp,
      );
    });

    it('never reminds the same next step twice, however often the loop runs or the days pass', async () => {
      await fireDue();
      clock.advance(3 * DAY);
      await fireDue();
      expect(await reminded()).toEqual([open]);
      expect(
        (await sales.outbox(ActivityNextStepDue.type)).filter((e) => e.aggregateId === open),
      ).toHaveLength(1);
      expect(
        await sales.query(
          `SELECT 1 FROM sales.sales_notification WHERE kind = 'next_step_due' AND record_id = $1`,
          [open],
        ),
      ).toHaveLength(1);
    });

    it('publishes the reminder and the notification to Kafka', async () => {
      const notification = (await sales.outbox(SalesNotificationRaised.type)).find(
        (e) => (e.payload as PayloadOf<typeof SalesNotificationRaised>).recordId === open,
      ) as EventEnvelope;
      await eventually(async () =>
        expect(
          await sales.query(
            `SELECT 1 FROM sales.outbox_message
              WHERE envelope->>'aggregateId' = ANY($1) AND envelope->>'type' = ANY($2) AND published_at IS NOT NULL`,
            [
              [open, notification.aggregateId],
              [ActivityNextStepDue.type, SalesNotificationRaised.type],
            ],
          ),
        ).toHaveLength(2),
      );
      const received = await readFromKafka(
        kafkaNamespace,
        [ActivityNextStepDue, SalesNotificationRaised],
        (events) => [open, notification.aggregateId].every((id) => events.some((e) => e.aggregateId === id)),
      );
      expect(
        received.find((e) => e.type === ActivityNextStepDue.type && e.aggregateId === open),
      ).toMatchObject({
        producer: 'sales',
        payload: { activityId: open, ownerId: 'rep' },
      });
      expect(received.find((e) => e.aggregateId === notification.aggregateId)).toMatchObject({
        type: 'sales-notification.raised',
        payload: { recipientId: 'rep', kind: 'next_step_due' },
      });
    });
  });

  it('fires each of many due next steps exactly once with two instances on the same database', async () => {
    const second = await SalesHarness.start({ clock, kafkaNamespace, database: sales.database });
    try {
      const due = clock.now().toISOString().slice(0, 10);
      const ids: string[] = [];
      for (let i = 0; i < 40; i++)
        ids.push(await log({ subject: `lead ${i}`, nextStep: `step ${i}`, nextStepDue: due }));

      await Promise.all([fireDue(sales), fireDue(second), fireDue(sales), fireDue(second)]);

      const firedFor = await sales.query<{ id: string; n: number }>(
        `SELECT e.envelope->>'aggregateId' AS id, count(*)::int AS n FROM sales.outbox_message e
          WHERE e.envelope->>'type' = $1 AND e.envelope->>'aggregateId' = ANY($2) GROUP BY 1`,
        [ActivityNextStepDue.type, ids],
      );
      expect(firedFor).toHaveLength(40);
      expect(firedFor.every((row) => row.n === 1)).toBe(true);
      const notified = await sales.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sales.sales_notification WHERE record_id = ANY($1)`,
        [ids],
      );
      expect(notified[0].n).toBe(40);
    } finally {
      await second.stop();
    }
  });
});

describe("a dealer's reminders", () => {
  const clock = new FixedClock(new Date('2026-12-01T08:00:00Z'));
  let sales: SalesHarness;

  beforeAll(async () => {
    sales = await SalesHarness.start({ clock });
  });

  afterAll(() => sales?.stop());

  it("reach the dealer's salesperson, who alone may mark them read; another dealer gets 404", async () => {
    const dealerA = await sales.auth({ sub: 'dealer-a', roles: [Roles.dealer], partnerId: randomUUID() });
    const dealerB = await sales.auth({ sub: 'dealer-b', roles: [Roles.dealer], partnerId: randomUUID() });
    const activity = await sales
      .http()
      .post('/activities')
      .set('authorization', dealerA)
      .send({
        type: 'visit',
        subject: '展厅到访',
        discussed: '看车',
        nextStep: '回访',
        nextStepDue: '2026-12-01',
      })
      .expect(201);
    await sales.app.get(NextStepReminders).fireDue();

    const inbox = await sales.http().get('/me/notifications').set('authorization', dealerA).expect(200);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({ recordId: activity.body.id, partnerId: activity.body.partnerId }),
    ]);
    const id = inbox.body.items[0].id;
    await sales.http().post(`/me/notifications/${id}/read`).set('authorization', dealerB).expect(404);
    await sales.http().post(`/me/notifications/${id}/read`).set('authorization', dealerA).expect(200);
  });
});

/** Reads the given event types' topics from the beginning until `done` holds for what arrived. */
async function readFromKafka(
  namespace: string,
  definitions: { type: string; aggregateType: string }[],
  done: (events: EventEnvelope[]) => boolean,
): Promise<EventEnvelope[]> {
  const kafka = new Kafka({
    brokers: [process.env.TEST_KAFKA_BROKERS as string],
    logLevel: logLevel.NOTHING,
  });
  const consumer: Consumer = kafka.consumer({ groupId: `reminders-probe-${randomBytes(4).toString('hex')}` });
  const received: EventEnvelope[] = [];
  await consumer.connect();
  try {
    const types = new Set(definitions.map((d) => d.type));
    const topics = [...new Set(definitions.map((d) => `${namespace}${topicFor(d)}`))];
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope;
        if (types.has(envelope.type)) received.push(envelope);
      },
    });
    await eventually(() => expect(done(received)).toBe(true), 30_000);
    return received;
  } finally {
    await consumer.disconnect();
  }
}
