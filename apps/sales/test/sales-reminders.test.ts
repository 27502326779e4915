import { randomBytes, randomUUID } from 'node:crypto';
import {
  ActivityNextStepDue,
  EventEnvelope,
  PayloadOf,
  Roles,
  SalesNotificationRaised,
} from '@crm/contracts';
import { FixedClock } from '@crm/core';
import { eventually } from '@crm/testing';
import { NextStepReminders } from '../src/reminders/next-step-reminders';
import { readFromKafka } from './kafka-probe';
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

describe("next steps fall due at the start of the day in their owner's time zone", () => {
  const MINUTE = 60_000;
  const clock = new FixedClock(new Date('2027-01-09T15:30:00Z'));
  let sales: SalesHarness;
  let shanghaiRep: string;
  let losAngelesRep: string;

  const fireDue = () => sales.app.get(NextStepReminders).fireDue();
  const remindedOwners = async () =>
    (
      await sales.query<{ owner: string }>(
        `SELECT a.owner_id AS owner FROM sales.next_step_reminder r JOIN sales.activity a ON a.id = r.activity_id
          ORDER BY 1`,
      )
    ).map((r) => r.owner);
  const logDueOn = (as: string, day: string) =>
    sales
      .http()
      .post('/activities')
      .set('authorization', as)
      .send({ type: 'call', subject: 'call', discussed: '报价', nextStep: '回电', nextStepDue: day })
      .expect(201);

  beforeAll(async () => {
    sales = await SalesHarness.start({ clock });
    await sales.tree([
      ['rep-sh', null],
      ['rep-la', null],
    ]);
    shanghaiRep = await sales.auth({ sub: 'rep-sh', roles: [Roles.salesRep] });
    losAngelesRep = await sales.auth({ sub: 'rep-la', roles: [Roles.salesRep] });
  });

  afterAll(() => sales?.stop());

  it('keeps a time zone per user, Asia/Shanghai unless set, and refuses what is not an IANA name', async () => {
    const mine = (as: string) => sales.http().get('/me/preferences').set('authorization', as).expect(200);
    expect((await mine(losAngelesRep)).body).toEqual({ timeZone: 'Asia/Shanghai' });
    await sales
      .http()
      .put('/me/preferences')
      .set('authorization', losAngelesRep)
      .send({ timeZone: 'America/Los_Angeles' })
      .expect(200, { timeZone: 'America/Los_Angeles' });
    expect((await mine(losAngelesRep)).body).toEqual({ timeZone: 'America/Los_Angeles' });
    expect((await mine(shanghaiRep)).body).toEqual({ timeZone: 'Asia/Shanghai' });
    for (const timeZone of ['Mars/Olympus_Mons', '+08:00', 'GMT-8', 42]) {
      const refused = await sales
        .http()
        .put('/me/preferences')
        .set('authorization', shanghaiRep)
        .send({ timeZone })
        .expect(400);
      expect(refused.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'timeZone' })]),
      );
    }
  });

  it('reminds each owner when the due day begins where they are, not in UTC', async () => {
    await logDueOn(shanghaiRep, '2027-01-10');
    await logDueOn(losAngelesRep, '2027-01-10');

    await fireDue(); // 23:30 on the 9th in Shanghai, 07:30 in Los Angeles
    expect(await remindedOwners()).toEqual([]);

    clock.advance(30 * MINUTE); // 2027-01-09T16:00Z: midnight in Shanghai, still the 9th in UTC
    await fireDue();
    expect(await remindedOwners()).toEqual(['rep-sh']);

    clock.advance(16 * 60 * MINUTE - MINUTE); // 07:59Z on the 10th: 23:59 on the 9th in Los Angeles
    await fireDue();
    expect(await remindedOwners()).toEqual(['rep-sh']);

    clock.advance(MINUTE); // 08:00Z: midnight in Los Angeles
    await fireDue();
    expect(await remindedOwners()).toEqual(['rep-la', 'rep-sh']);
  });
});
