import { randomBytes } from 'node:crypto';
import { RepairRecorded, Roles } from '@crm/contracts';
import { FixedClock } from '@crm/core';
import { eventually, LoopbackSmtpServer } from '@crm/testing';
import { CampaignMailHeaders } from '../src/sending/email-campaign.sender';
import { OccurrenceScheduler } from '../src/triggers/occurrence-scheduler';
import { repairRecorded } from './activity-fixture';
import { scheduleNow, seedShanghaiAudience } from './audience-fixture';
import { CampaignsHarness } from './campaigns.harness';
import { consent, customerState, livingIn, vehicleState } from './customer-fixture';

const DAY_MS = 86_400_000;
const SHANGHAI = livingIn('上海市', '上海市');
const member = (name: string, email: string, birthday: string | null, granted = true) =>
  customerState({
    name,
    address: SHANGHAI,
    emails: [email],
    birthday,
    consents: [consent('email', granted)],
  });

/** Shanghai members born on Nov 30 (one opted out), Dec 1, and a Beijing customer born on Nov 30. */
const wang = member('王芳', 'wang@example.cn', '1990-11-30');
const chen = member('陈静', 'chen@example.cn', '1985-11-30', false);
const li = member('李雷', 'li@example.cn', '1992-12-01');
const sun = member('孙悦', 'sun@example.cn', null);
const zhao = customerState({
  name: '赵敏',
  address: livingIn('北京市', '北京市'),
  emails: ['zhao@example.cn'],
  birthday: '1990-11-30',
  consents: [consent('email', true)],
});
/** Bought on Nov 30, two years before the first run day. */
const sunCar = vehicleState(sun.customerId, 'Aurora S7', '2024-11-30');

const TEMPLATE = {
  'zh-CN': { subject: '{{name}}，祝您生日快乐', body: '{{name}}您好！退订：{{unsubscribeUrl}}' },
};
/** 09:00:30 in Shanghai on Nov 30, 2026. */
const START = new Date('2026-11-30T01:00:30.000Z');

describe('recurring and triggered campaigns: one mail per customer per occurrence', () => {
  const clock = new FixedClock(START);
  let harness: CampaignsHarness;
  let smtp: LoopbackSmtpServer;
  let scheduler: OccurrenceScheduler;
  let marketer: string;
  let segmentId: string;

  const mailsOf = (campaignId: string) =>
    smtp.received
      .filter((mail) =>
        String(mail.headers.get(CampaignMailHeaders.recipient.toLowerCase())).startsWith(campaignId),
      )
      .flatMap((mail) => mail.to);
  const occurrences = async (campaignId: string) =>
    (
      await harness
        .http()
        .get(`/campaigns/${campaignId}/occurrences`)
        .set('Authorization', marketer)
        .expect(200)
    ).body.items;
  /**
   * The occurrence that ran is frozen and sent. The app's own scheduler loop may have claimed it instead of the
   * test's pass (SKIP LOCKED): locking the campaign row waits for that claim's transaction to commit, so its
   * recipients are counted (a fresh-clone CI run once saw none queued yet, and no mail).
   */
  const settled = async (campaignId: string) => {
    await harness.query(`SELECT id FROM campaigns.campaign WHERE id = $1 FOR UPDATE`, [campaignId]);
    await eventually(async () => {
      const [row] = await harness.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM campaigns.campaign_recipient
          WHERE campaign_id = $1 AND status IN ('queued', 'sending')`,
        [campaignId],
      );
      expect(row.waiting).toBe(0);
    }, 30_000);
  };

  async function activeCampaign(schedule: unknown): Promise<string> {
    const created = await harness
      .http()
      .post('/campaigns')
      .set('Authorization', marketer)
      .send({ name: 'repeating', channel: 'email', segmentId, template: TEMPLATE, schedule })
      .expect(201);
    expect(created.body.schedule).toEqual(expect.objectContaining(schedule as object));
    await scheduleNow(harness, marketer, created.body.id);
    return created.body.id;
  }

  beforeAll(async () => {
    smtp = await LoopbackSmtpServer.start();
    harness = await CampaignsHarness.start({
      clock,
      campaigns: {
        CAMPAIGNS_SMTP_URL: smtp.url,
        CAMPAIGNS_SEND_POLL_INTERVAL_MS: 100,
        CAMPAIGNS_UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
      },
    });
    scheduler = harness.app.get(OccurrenceScheduler);
    marketer = await harness.auth({ sub: 'u-marketer', roles: [Roles.marketer] });
    segmentId = await seedShanghaiAudience(harness, marketer, [wang, chen, li, sun, zhao], [sunCar]);
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
    await smtp?.stop();
  });

  describe('a birthday campaign', () => {
    let campaignId: string;

    beforeAll(async () => {
      campaignId = await activeCampaign({ kind: 'triggered', trigger: { kind: 'birthday' } });
      await scheduler.runDue();
      await settled(campaignId);
    }, 60_000);

    it('mails each consenting segment member whose birthday is today (Shanghai) once, and skips the opted-out', async () => {
      expect(mailsOf(campaignId)).toEqual(['wang@example.cn']);
      const [run] = await occurrences(campaignId);
      expect(run).toMatchObject({
        occurrence: 'birthday:2026-11-30',
        step: 2,
        recipients: { total: 2, sent: 1, skipped: { no_consent: 1, no_address: 0, erased: 0 } },
      });
    });

    it('sends nothing more when the same day runs again, even from two schedulers at once', async () => {
      expect(await Promise.all([scheduler.runDue(), scheduler.runDue()])).toEqual([0, 0]);
      clock.advance(6 * 60 * 60 * 1000);
      expect(await scheduler.runDue()).toBe(0);
      await settled(campaignId);
      expect(mailsOf(campaignId)).toEqual(['wang@example.cn']);
      expect(await occurrences(campaignId)).toHaveLength(1);
    });

    it("mails the next day's birthdays the next day", async () => {
      clock.advance(DAY_MS - 6 * 60 * 60 * 1000);
      await scheduler.runDue();
      await settled(campaignId);
      expect(mailsOf(campaignId)).toEqual(['wang@example.cn', 'li@example.cn']);
      expect((await occurrences(campaignId)).map((run: { occurrence: string }) => run.occurrence)).toEqual([
        'birthday:2026-12-01',
        'birthday:2026-11-30',
      ]);
    });
  });

  describe('a monthly campaign (09:00 on the 1st, Shanghai)', () => {
    let campaignId: string;
    const runKeys = async () =>
      (await occurrences(campaignId)).map((run: { occurrence: string }) => run.occurrence);
    const advanceTo = (iso: string) => clock.advance(new Date(iso).getTime() - clock.now().getTime());

    beforeAll(async () => {
      advanceTo('2026-12-01T05:00:00.000Z');
      campaignId = await activeCampaign({ kind: 'recurring', cron: '0 9 1 * *' });
    });

    it('does not fire a time from before it was scheduled (this morning 09:00)', async () => {
      await scheduler.runDue();
      expect(await runKeys()).toEqual([]);
    });

    it('fires at the next 1st 09:00 to the whole segment, once', async () => {
      advanceTo('2027-01-01T00:59:59.000Z');
      await scheduler.runDue();
      expect(await runKeys()).toEqual([]);
      advanceTo('2027-01-01T01:00:01.000Z');
      await scheduler.runDue();
      await scheduler.runDue();
      await settled(campaignId);
      expect(mailsOf(campaignId).sort()).toEqual(['li@example.cn', 'sun@example.cn', 'wang@example.cn']);
      expect(await runKeys()).toEqual(['2027-01-01T01:00:00.000Z']);
    });

    it('fires again on the 1st of the next month, not in between', async () => {
      advanceTo('2027-01-20T01:00:00.000Z');
      await scheduler.runDue();
      expect(await runKeys()).toHaveLength(1);
      advanceTo('2027-02-01T01:00:01.000Z');
      await scheduler.runDue();
      // The background pass may have claimed the occurrence first and still be freezing it: wait for its mails.
      await eventually(() => expect(mailsOf(campaignId)).toHaveLength(6), 30_000);
      await settled(campaignId);
      expect(mailsOf(campaignId)).toHaveLength(6);
      expect(await runKeys()).toEqual(['2027-02-01T01:00:00.000Z', '2027-01-01T01:00:00.000Z']);
    });
  });

  describe('a service-due campaign (6 months since the last service)', () => {
    let campaignId: string;

    beforeAll(async () => {
      const applied = async (customerId: string, at: string) => {
        await harness.publish(RepairRecorded, customerId, repairRecorded(customerId, at));
        await eventually(async () => {
          const rows = await harness.query(
            `SELECT 1 FROM campaigns.customer_service WHERE customer_id = $1 AND last_service_at = $2`,
            [customerId, at],
          );
          expect(rows).toHaveLength(1);
        });
      };
      await applied(wang.customerId, '2026-05-01T02:00:00.000Z');
      await applied(li.customerId, '2026-12-01T02:00:00.000Z');
      campaignId = await activeCampaign({ kind: 'triggered', trigger: { kind: 'service-due', months: 6 } });
    }, 60_000);

    it('mails those due once per cycle, not on every day they stay due', async () => {
      await scheduler.runDue();
      clock.advance(DAY_MS);
      await scheduler.runDue();
      await settled(campaignId);
      expect(mailsOf(campaignId)).toEqual(['wang@example.cn']);
      expect(await occurrences(campaignId)).toHaveLength(2);
    });

    it('mails again once a newer service is due in its turn', async () => {
      await harness.publish(
        RepairRecorded,
        wang.customerId,
        repairRecorded(wang.customerId, clock.now().toISOString()),
      );
      await eventually(async () => {
        const [row] = await harness.query<{ at: Date }>(
          `SELECT last_service_at AS at FROM campaigns.customer_service WHERE customer_id = $1`,
          [wang.customerId],
        );
        expect(row.at).toEqual(clock.now());
      });
      clock.advance(200 * DAY_MS);
      await scheduler.runDue();
      const expected = ['li@example.cn', 'wang@example.cn', 'wang@example.cn'];
      await eventually(() => expect(mailsOf(campaignId).sort()).toEqual(expected), 30_000);
      await settled(campaignId);
      expect(mailsOf(campaignId).sort()).toEqual(expected);
    });
  });

  describe('anniversary and holiday triggers', () => {
    const advanceTo = (iso: string) => clock.advance(new Date(iso).getTime() - clock.now().getTime());

    it('mails on the purchase anniversary of the years asked for only', async () => {
      advanceTo('2027-11-30T01:00:00.000Z');
      const third = await activeCampaign({
        kind: 'triggered',
        trigger: { kind: 'purchase-anniversary', years: 3 },
      });
      const second = await activeCampaign({
        kind: 'triggered',
        trigger: { kind: 'purchase-anniversary', years: 2 },
      });
      await scheduler.runDue();
      await settled(third);
      expect(mailsOf(third)).toEqual(['sun@example.cn']);
      expect((await occurrences(second))[0].recipients.total).toBe(0);
    });

    it('mails its days before a lunar holiday, keyed by the holiday, and on no other day', async () => {
      advanceTo('2028-01-22T01:00:00.000Z');
      const campaignId = await activeCampaign({
        kind: 'triggered',
        trigger: { kind: 'holiday', holiday: 'spring-festival', daysBefore: 3 },
      });
      await scheduler.runDue();
      expect(await occurrences(campaignId)).toEqual([]);
      clock.advance(DAY_MS);
      await scheduler.runDue();
      clock.advance(DAY_MS);
      await scheduler.runDue();
      await settled(campaignId);
      expect((await occurrences(campaignId)).map((run: { occurrence: string }) => run.occurrence)).toEqual([
        'spring-festival:2028-01-26',
      ]);
      expect(mailsOf(campaignId)).toHaveLength(3);
    });
  });

  describe('the API', () => {
    const post = (schedule: unknown) =>
      harness
        .http()
        .post('/campaigns')
        .set('Authorization', marketer)
        .send({ name: 'x', channel: 'email', segmentId, template: TEMPLATE, schedule });

    it.each([
      [{ kind: 'recurring', cron: 'every day' }, 'schedule.cron'],
      [{ kind: 'triggered', trigger: { kind: 'full-moon' } }, 'schedule.trigger.kind'],
      [{ kind: 'triggered', trigger: { kind: 'service-due', months: 0 } }, 'schedule.trigger.months'],
      [{ kind: 'triggered', trigger: { kind: 'holiday', holiday: 'christmas' } }, 'schedule.trigger.holiday'],
      [
        { kind: 'triggered', trigger: { kind: 'holiday', holiday: 'qixi', daysBefore: -1 } },
        'schedule.trigger.daysBefore',
      ],
      ['monthly', 'schedule'],
    ])('refuses schedule %j with a 400 naming %s', async (schedule, field) => {
      const response = await post(schedule).expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    });

    it('changes a draft into a holiday campaign and back into a one-off', async () => {
      const { body } = await post(undefined).expect(201);
      expect(body.schedule).toBeNull();
      const holiday = {
        kind: 'triggered',
        trigger: { kind: 'holiday', holiday: 'mid-autumn', daysBefore: 3 },
      };
      const patched = await harness
        .http()
        .patch(`/campaigns/${body.id}`)
        .set('Authorization', marketer)
        .send({ schedule: holiday })
        .expect(200);
      expect(patched.body.schedule).toEqual(holiday);
      const oneOff = await harness
        .http()
        .patch(`/campaigns/${body.id}`)
        .set('Authorization', marketer)
        .send({ schedule: null })
        .expect(200);
      expect(oneOff.body.schedule).toBeNull();
    });

    it("lists a year's holidays with the lunar ones computed", async () => {
      const { body } = await harness
        .http()
        .get('/campaigns/holidays?year=2027')
        .set('Authorization', marketer)
        .expect(200);
      expect(body.year).toBe(2027);
      expect(body.items).toContainEqual({ key: 'spring-festival', name: '春节', date: '2027-02-06' });
      expect(body.items).toContainEqual({ key: 'mid-autumn', name: '中秋节', date: '2027-09-15' });
      await harness.http().get('/campaigns/holidays?year=abc').set('Authorization', marketer).expect(400);
    });

    it('keeps partners and other staff out', async () => {
      const agent = await harness.auth({ sub: 'u-agent', roles: [Roles.agent] });
      await harness.http().get('/campaigns/holidays?year=2027').set('Authorization', agent).expect(403);
    });
  });
});
