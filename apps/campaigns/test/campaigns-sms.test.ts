import { randomBytes } from 'node:crypto';
import { CustomerState, Roles } from '@crm/contracts';
import { FixedClock } from '@crm/core';
import { eventually, LoopbackSmsGateway } from '@crm/testing';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from '../src/campaigns-settings';
import { CampaignRecipientRepository } from '../src/sending/campaign-recipient.repository';
import { CampaignSender } from '../src/sending/campaign.sender';
import { FrequencyCapRepository } from '../src/sending/frequency-cap.repository';
import { campaignChannels } from '../src/sending/sending.module';
import { UnsubscribeTokens } from '../src/sending/unsubscribe-token';
import { MessageTracking } from '../src/tracking/message-tracking';
import { scheduleNow, seedShanghaiAudience } from './audience-fixture';
import { CampaignsHarness } from './campaigns.harness';
import { consent, customerState, livingIn, vehicleState } from './customer-fixture';

const SHANGHAI = livingIn('上海市', '上海市');
const HOUR_MS = 60 * 60 * 1_000;
/** 10:00 in Shanghai (UTC+8). */
const DAY_ONE_10_00 = new Date('2026-12-01T02:00:00.000Z');

const wang = customerState({
  name: '王芳',
  address: SHANGHAI,
  phones: ['13800000001'],
  consents: [consent('sms', true)],
});
const chen = customerState({
  name: '陈静',
  address: SHANGHAI,
  phones: ['13800000002'],
  consents: [consent('sms', true)],
});
/** Gave SMS consent, then withdrew it. */
const li = customerState({
  name: '李雷',
  address: SHANGHAI,
  phones: ['13800000003'],
  consents: [
    consent('sms', true, '2026-01-01T00:00:00.000Z'),
    consent('sms', false, '2026-02-01T00:00:00.000Z'),
  ],
});
/** Consents to email only. */
const zhang = customerState({
  name: '张伟',
  address: SHANGHAI,
  phones: ['13800000004'],
  emails: ['zhang@example.cn'],
  consents: [consent('email', true)],
});
/** Consents to SMS but has no phone on file. */
const zhou = customerState({ name: '周杰', address: SHANGHAI, consents: [consent('sms', true)] });
const wangCar = vehicleState(wang.customerId, 'Aurora S7', '2024-05-01');

const GATEWAY_SECRET = randomBytes(32).toString('base64url');
const SMS_TEMPLATE = { providerTemplateId: 'SMS_2468', params: { name: 'name', car: 'model', city: 'city' } };

describe('campaign SMS: provider templates through the gateway adapter, quiet hours, frequency caps', () => {
  const clock = new FixedClock(DAY_ONE_10_00);
  let harness: CampaignsHarness;
  let gateway: LoopbackSmsGateway;
  let marketer: string;
  let segmentId: string;

  const smsTo = (customer: CustomerState) =>
    gateway.received.filter((sms) => sms.body.to === customer.phones[0]);
  const createCampaign = (body: Record<string, unknown>) =>
    harness.http().post('/campaigns').set('Authorization', marketer).send(body);
  const progressOf = async (campaignId: string) =>
    (await harness.http().get(`/campaigns/${campaignId}/progress`).set('Authorization', marketer).expect(200))
      .body;

  /** Creates an SMS campaign to the Shanghai segment and schedules it now (the injected clock's now). */
  const launchSmsCampaign = async (name: string): Promise<string> => {
    const created = await createCampaign({ name, channel: 'sms', segmentId, template: SMS_TEMPLATE }).expect(
      201,
    );
    await scheduleNow(harness, marketer, created.body.id);
    return created.body.id;
  };

  const recipientsOf = (campaignIds: string[]) =>
    harness.query<{ customerId: string; status: string; reason: string | null; nextAttemptAt: Date }>(
      `SELECT customer_id AS "customerId", status, skip_reason AS reason, next_attempt_at AS "nextAttemptAt"
         FROM campaigns.campaign_recipient WHERE campaign_id = ANY($1) ORDER BY campaign_id, customer_id`,
      [campaignIds],
    );

  beforeAll(async () => {
    gateway = await LoopbackSmsGateway.start();
    harness = await CampaignsHarness.start({
      campaigns: {
        CAMPAIGNS_SMS_GATEWAY_URL: gateway.url,
        CAMPAIGNS_SMS_GATEWAY_KEY: gateway.key,
        CAMPAIGNS_SMS_RATE_PER_SECOND: 100,
        CAMPAIGNS_SEND_POLL_INTERVAL_MS: 100,
        CAMPAIGNS_UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
        CAMPAIGNS_SMS_INBOUND_SECRET: GATEWAY_SECRET,
      },
      clock,
    });
    marketer = await harness.auth({ sub: 'u-marketer', roles: [Roles.marketer] });
    segmentId = await seedShanghaiAudience(harness, marketer, [wang, chen, li, zhang, zhou], [wangCar]);
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
    await gateway?.stop();
  });

  describe('an SMS template', () => {
    it.each([
      [{ params: {} }, 'template.providerTemplateId'],
      [{ providerTemplateId: 'SMS 1', params: {} }, 'template.providerTemplateId'],
      [{ providerTemplateId: 'SMS_1', params: {}, text: '{{name}}您好' }, 'template.text'],
      [{ providerTemplateId: 'SMS_1', params: { car: 'phone' } }, 'template.params.car'],
      [{ providerTemplateId: 'SMS_1' }, 'template.params'],
      [{ 'zh-CN': { subject: 's', body: 'b' } }, 'template.zh-CN'],
    ])('is refused with a 400 naming the field: %j', async (template, field) => {
      const { status, body } = await createCampaign({ name: 'x', channel: 'sms', segmentId, template });
      expect(status).toBe(400);
      expect(body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('is refused on a change to an SMS draft too', async () => {
      const created = await createCampaign({ name: 'x', channel: 'sms', segmentId, template: SMS_TEMPLATE });
      expect(created.status).toBe(201);
      const { status, body } = await harness
        .http()
        .patch(`/campaigns/${created.body.id}`)
        .set('Authorization', marketer)
        .send({ template: { providerTemplateId: 'SMS_1', params: { x: 'mobile' } } });
      expect(status).toBe(400);
      expect(body.errors[0].field).toBe('template.params.x');
      await harness
        .http()
        .post(`/campaigns/${created.body.id}/cancel`)
        .set('Authorization', marketer)
        .expect(200);
    });
  });

  describe('a campaign sent at 10:00', () => {
    let campaignId: string;

    beforeAll(async () => {
      campaignId = await launchSmsCampaign('短信保养季');
      await eventually(async () => expect((await progressOf(campaignId)).status).toBe('sent'), 30_000);
    }, 60_000);

    it('sends exactly one SMS to each consenting member with a phone, none to anyone else', () => {
      expect(smsTo(wang)).toHaveLength(1);
      expect(smsTo(chen)).toHaveLength(1);
      expect(gateway.received).toHaveLength(2);
    });

    it("carries the provider's template id and its parameters from the replica, keyed for idempotency", () => {
      const [toWang] = smsTo(wang);
      expect(toWang.body).toEqual({
        to: '13800000001',
        templateId: 'SMS_2468',
        params: { name: '王芳', car: 'Aurora S7', city: '上海市' },
      });
      expect(toWang.headers['idempotency-key']).toBe(`${campaignId}.1.${wang.customerId}`);
      expect(toWang.headers.authorization).toBe(`Bearer ${gateway.key}`);
      expect(smsTo(chen)[0].body.params).toEqual({ name: '陈静', car: '', city: '上海市' });
    });

    it('counts the opted-out and the phoneless as skipped', async () => {
      expect(await progressOf(campaignId)).toMatchObject({
        total: 5,
        sent: 2,
        skipped: { no_consent: 2, no_address: 1, erased: 0, frequency_cap: 0 },
      });
    });
  });

  describe('three more campaigns falling due at 22:00 the next day', () => {
    const campaignIds: string[] = [];
    const sendingDayThree = new Date('2026-12-03T00:00:00.000Z');

    beforeAll(async () => {
      clock.advance(36 * HOUR_MS);
      for (const name of ['周年', '春节', '国庆']) campaignIds.push(await launchSmsCampaign(name));
      await eventually(async () => {
        const queued = (await recipientsOf(campaignIds)).filter((row) => row.status === 'queued');
        expect(queued).toHaveLength(6);
        for (const row of queued) expect(row.nextAttemptAt).toEqual(sendingDayThree);
      }, 30_000);
    }, 60_000);

    it('sends nothing in quiet hours: each waits for 08:00 local, queued, not dropped', async () => {
      expect(gateway.received).toHaveLength(2);
      const attempts = await harness.query<{ attempts: number }>(
        `SELECT DISTINCT attempts FROM campaigns.campaign_recipient WHERE campaign_id = ANY($1) AND status = 'queued'`,
        [campaignIds],
      );
      expect(attempts).toEqual([{ attempts: 0 }]);
    });

    describe('at 08:00, sent by two more sender instances at once besides the background one', () => {
      beforeAll(async () => {
        clock.advance(10 * HOUR_MS);
        const settings = harness.app.get<CampaignsSettings>(CAMPAIGNS_SETTINGS);
        const senders = [1, 2].map(
          () =>
            new CampaignSender(
              harness.app.get(CampaignRecipientRepository),
              campaignChannels(settings, clock),
              harness.app.get(UnsubscribeTokens),
              harness.app.get(FrequencyCapRepository),
              harness.app.get(MessageTracking),
              clock,
              settings,
            ),
        );
        await Promise.all(senders.map((sender) => sender.dispatchDue()));
        await eventually(async () => {
          for (const id of campaignIds) expect((await progressOf(id)).status).toBe('sent');
        }, 30_000);
      }, 60_000);

      it('sends one of the three to each customer: the cap of two SMS per seven days counts the first campaign', () => {
        expect(smsTo(wang)).toHaveLength(2);
        expect(smsTo(chen)).toHaveLength(2);
        expect(gateway.received).toHaveLength(4);
      });

      it('skips the others for the frequency cap, visible in the progress', async () => {
        const rows = (await recipientsOf(campaignIds)).filter(
          (row) => row.status !== 'skipped' || row.reason === 'frequency_cap',
        );
        for (const customer of [wang, chen]) {
          const theirs = rows.filter((row) => row.customerId === customer.customerId);
          expect(theirs.map((row) => row.status).sort()).toEqual(['sent', 'skipped', 'skipped']);
        }
        const capped = await Promise.all(
          campaignIds.map(async (id) => (await progressOf(id)).skipped.frequency_cap),
        );
        expect(capped.reduce((sum, count) => sum + count, 0)).toBe(4);
      });
    });
  });
  describe('a reply from the gateway', () => {
    const reply = (body: Record<string, unknown>, secret = GATEWAY_SECRET) =>
      harness.http().post('/sms/replies').set('X-SMS-Gateway-Secret', secret).send(body);
    const smsOptOuts = () =>
      harness.query<{ payload: Record<string, unknown> }>(
        `SELECT envelope->'payload' AS payload FROM campaigns.outbox_message
          WHERE envelope->>'type' = 'campaign.unsubscribed' AND envelope->'payload'->>'channel' = 'sms'`,
      );

    it('is refused without the shared gateway secret (403) and with a bad body (400 naming the field)', async () => {
      await reply({ from: wang.phones[0], text: 'TD' }, 'x'.repeat(43)).expect(403);
      await harness.http().post('/sms/replies').send({ from: wang.phones[0], text: 'TD' }).expect(403);
      const bad = await reply({ text: 'TD' }).expect(400);
      expect(new Set(bad.body.errors.map((error: { field: string }) => error.field))).toEqual(
        new Set(['from']),
      );
    });

    it('opts nobody out on an ordinary reply or from a number no SMS campaign went to', async () => {
      expect((await reply({ from: wang.phones[0], text: '好的，谢谢' }).expect(200)).body).toEqual({
        optedOut: 0,
      });
      expect((await reply({ from: zhang.phones[0], text: 'TD' }).expect(200)).body).toEqual({ optedOut: 0 });
      expect(await smsOptOuts()).toEqual([]);
    });

    it('withdraws the SMS consent on 退订, once, from the campaign last sent to that number', async () => {
      const lastSent = await harness.query<{ campaign_id: string }>(
        `SELECT r.campaign_id FROM campaigns.campaign_recipient r
          WHERE r.customer_id = $1 AND r.status = 'sent' ORDER BY r.sent_at DESC LIMIT 1`,
        [chen.customerId],
      );
      for (const text of ['退订', ' td '])
        expect((await reply({ from: `+86${chen.phones[0]}`, text }).expect(200)).body).toEqual({
          optedOut: 1,
        });
      expect((await smsOptOuts()).map((event) => event.payload)).toEqual([
        {
          campaignId: lastSent[0].campaign_id,
          customerId: chen.customerId,
          channel: 'sms',
          unsubscribedAt: expect.any(String),
        },
      ]);
    });
  });
});
