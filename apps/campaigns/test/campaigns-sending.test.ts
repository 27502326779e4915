import { randomBytes } from 'node:crypto';
import { Roles } from '@crm/contracts';
import { eventually, LoopbackSmtpServer, ReceivedEmail } from '@crm/testing';
import { UnsubscribeTokens } from '../src/sending/unsubscribe-token';
import { scheduleNow, seedShanghaiAudience, segmentOf } from './audience-fixture';
import { CampaignsHarness } from './campaigns.harness';
import { consent, customerState, livingIn, vehicleState } from './customer-fixture';

const SECRET = randomBytes(32).toString('base64url');
const SHANGHAI = livingIn('上海市', '上海市');
/** In the segment (Shanghai), each differing on what decides the send. */
const wang = customerState({
  name: '王芳',
  address: SHANGHAI,
  emails: ['wang@example.cn'],
  consents: [consent('email', true)],
});
const chen = customerState({
  name: '陈静',
  address: SHANGHAI,
  emails: ['chen@example.cn'],
  consents: [consent('email', true)],
});
const li = customerState({
  name: '李雷',
  address: SHANGHAI,
  emails: ['li@example.cn'],
  consents: [
    consent('email', true, '2026-01-01T00:00:00.000Z'),
    consent('email', false, '2026-02-01T00:00:00.000Z'),
  ],
});
const zhang = customerState({ name: '张伟', address: SHANGHAI, consents: [consent('email', true)] });
/** Consenting, with an address, but in Beijing: outside the segment. */
const zhao = customerState({
  name: '赵敏',
  address: livingIn('北京市', '北京市'),
  emails: ['zhao@example.cn'],
  consents: [consent('email', true)],
});
const wangCar = vehicleState(wang.customerId, 'Aurora S7', '2024-05-01');
/** In Hangzhou, outside the Shanghai segment: one reads English, one has no language on file. */
const HANGZHOU = livingIn('浙江省', '杭州市');
const smith = customerState({
  name: 'John Smith',
  address: HANGZHOU,
  emails: ['smith@example.com'],
  consents: [consent('email', true)],
  preferredLanguage: 'en',
});
const sun = customerState({
  name: '孙悦',
  address: HANGZHOU,
  emails: ['sun@example.cn'],
  consents: [consent('email', true)],
});

const TEMPLATE = {
  'zh-CN': {
    subject: '{{name}}，您的保养季优惠',
    body: '{{name}}您好：{{#if model}}您的{{model}}{{else}}您的爱车{{/if}}本月保养八折。退订：{{unsubscribeUrl}}',
  },
  en: { subject: '{{name}}, your service offer', body: 'Dear {{name}}' },
};

describe('campaign email: frozen at send time, one mail per consenting member, one-click unsubscribe', () => {
  let harness: CampaignsHarness;
  let smtp: LoopbackSmtpServer;
  let marketer: string;
  let segmentId: string;

  const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));
  const createCampaign = (body: Record<string, unknown>, auth = marketer) =>
    harness.http().post('/campaigns').set('Authorization', auth).send(body);

  beforeAll(async () => {
    smtp = await LoopbackSmtpServer.start();
    harness = await CampaignsHarness.start({
      campaigns: {
        CAMPAIGNS_SMTP_URL: smtp.url,
        CAMPAIGNS_SEND_POLL_INTERVAL_MS: 100,
        CAMPAIGNS_UNSUBSCRIBE_SECRET: SECRET,
      },
    });
    marketer = await harness.auth({ sub: 'u-marketer', roles: [Roles.marketer] });
    segmentId = await seedShanghaiAudience(
      harness,
      marketer,
      [wang, chen, li, zhang, zhao, smith, sun],
      [wangCar],
    );
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
    await smtp?.stop();
  });

  describe('a campaign scheduled now', () => {
    let campaignId: string;
    let wangMail: ReceivedEmail;

    beforeAll(async () => {
      const created = await createCampaign({
        name: '保养季',
        channel: 'email',
        segmentId,
        template: TEMPLATE,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'draft', sendAt: null, createdBy: 'u-marketer' });
      campaignId = created.body.id;
      const scheduled = await harness
        .http()
        .post(`/campaigns/${campaignId}/schedule`)
        .set('Authorization', marketer)
        .send({})
        .expect(200);
      expect(scheduled.body.status).toBe('scheduled');
      await eventually(async () => {
        const { body } = await harness
          .http()
          .get(`/campaigns/${campaignId}/progress`)
          .set('Authorization', marketer)
          .expect(200);
        expect(body.status).toBe('sent');
      }, 30_000);
      [wangMail] = mailsTo('wang@example.cn');
    }, 60_000);

    it('sends exactly one mail to each consenting member with an address, and none to anyone else', () => {
      expect(mailsTo('wang@example.cn')).toHaveLength(1);
      expect(mailsTo('chen@example.cn')).toHaveLength(1);
      expect(mailsTo('li@example.cn')).toHaveLength(0);
      expect(mailsTo('zhao@example.cn')).toHaveLength(0);
      expect(smtp.received).toHaveLength(2);
    });

    it('counts sent and skipped by reason in the progress', async () => {
      const { body } = await harness
        .http()
        .get(`/campaigns/${campaignId}/progress`)
        .set('Authorization', marketer)
        .expect(200);
      expect(body).toEqual({
        campaignId,
        status: 'sent',
        total: 4,
        queued: 0,
        sent: 2,
        failed: 0,
        heldOut: 0,
        skipped: { no_consent: 1, no_address: 1, erased: 0, frequency_cap: 0 },
      });
    });

    it('personalises the Chinese variant (the language is unknown) with the name and latest model', () => {
      expect(wangMail.subject).toBe('王芳，您的保养季优惠');
      expect(wangMail.text).toContain('王芳您好：您的Aurora S7本月保养八折。');
      expect(mailsTo('chen@example.cn')[0].text).toContain('陈静您好：您的爱车本月保养八折。');
    });

    it('carries RFC 8058 one-click headers and the idempotency key as Message-ID', () => {
      const link = wangMail.headers.get('list-unsubscribe') as string;
      expect(link).toMatch(/^<http:\/\/localhost:3006\/unsubscribe\/[^>]+>$/);
      expect(wangMail.text).toContain(link.slice(1, -1));
      expect(wangMail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(wangMail.headers.get('message-id')).toBe(
        `<${campaignId}.1.${wang.customerId}@campaigns.crm.local>`,
      );
    });

    it('publishes campaign.scheduled and campaign.sent with the counts through the outbox', async () => {
      const events = await harness.query<{ type: string; payload: Record<string, unknown> }>(
        `SELECT envelope->>'type' AS type, envelope->'payload' AS payload FROM campaigns.outbox_message
          WHERE envelope->>'aggregateId' = $1 ORDER BY seq`,
        [campaignId],
      );
      expect(events.map((event) => event.type)).toEqual(['campaign.scheduled', 'campaign.sent']);
      expect(events[1].payload.recipients).toEqual({
        sent: 2,
        failed: 0,
        skipped: { no_consent: 1, no_address: 1, erased: 0, frequency_cap: 0 },
      });
    });

    it('refuses to change or cancel it once sent (409)', async () => {
      await harness
        .http()
        .patch(`/campaigns/${campaignId}`)
        .set('Authorization', marketer)
        .send({ name: 'x' })
        .expect(409);
      await harness.http().post(`/campaigns/${campaignId}/cancel`).set('Authorization', marketer).expect(409);
    });

    it('records a one-click unsubscribe once and publishes campaign.unsubscribed', async () => {
      const path = new URL((wangMail.headers.get('list-unsubscribe') as string).slice(1, -1)).pathname;
      for (let i = 0; i < 2; i++)
        await harness
          .http()
          .post(path)
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .send('List-Unsubscribe=One-Click')
          .expect(200);
      const events = await harness.query<{ payload: Record<string, unknown> }>(
        `SELECT envelope->'payload' AS payload FROM campaigns.outbox_message
          WHERE envelope->>'type' = 'campaign.unsubscribed'`,
      );
      expect(events.map((event) => event.payload)).toEqual([
        { campaignId, customerId: wang.customerId, channel: 'email', unsubscribedAt: expect.any(String) },
      ]);
    });

    it('shows a confirmation page for the link in the body, which unsubscribes nobody (only the POST does)', async () => {
      const chenMail = mailsTo('chen@example.cn')[0];
      const path = new URL((chenMail.headers.get('list-unsubscribe') as string).slice(1, -1)).pathname;
      const page = await harness
        .http()
        .get(path)
        .expect(200)
        .expect('content-type', /text\/html/);
      expect(page.text).toContain('<form method="post">');
      const opted = await harness.query(`SELECT 1 FROM campaigns.unsubscription WHERE customer_id = $1`, [
        chen.customerId,
      ]);
      expect(opted).toEqual([]);
    });

    it('answers an altered token and a genuine one for a non-recipient the same 404, a malformed one 400', async () => {
      const token = new URL((wangMail.headers.get('list-unsubscribe') as string).slice(1, -1)).pathname.split(
        '/',
      )[2];
      const altered = token.replace(wang.customerId, chen.customerId);
      const forged = await harness.http().post(`/unsubscribe/${altered}`).expect(404);
      const notRecipient = new UnsubscribeTokens(SECRET).sign({
        campaignId,
        customerId: zhao.customerId,
        channel: 'email',
      });
      const unknown = await harness.http().post(`/unsubscribe/${notRecipient}`).expect(404);
      expect(forged.body.detail).toBe(unknown.body.detail);
      const malformed = await harness.http().post('/unsubscribe/not-a-token').expect(400);
      expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);
    });
  });

  it('freezes nobody before the send time, and a cancelled campaign never', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const { body } = await createCampaign({ name: 'later', channel: 'email', segmentId, template: TEMPLATE });
    await harness
      .http()
      .post(`/campaigns/${body.id}/schedule`)
      .set('Authorization', marketer)
      .send({ sendAt: later })
      .expect(200);
    await harness.http().post(`/campaigns/${body.id}/cancel`).set('Authorization', marketer).expect(200);
    const progress = await harness
      .http()
      .get(`/campaigns/${body.id}/progress`)
      .set('Authorization', marketer)
      .expect(200);
    expect(progress.body).toMatchObject({ status: 'cancelled', total: 0 });
  });

  it('lets marketers and managers create campaigns, and no sales rep, agent or partner', async () => {
    const body = { name: 'access', channel: 'email', segmentId, template: TEMPLATE };
    await createCampaign(body, await harness.auth({ roles: [Roles.salesManager] })).expect(201);
    for (const roles of [[Roles.salesRep], [Roles.agent]])
      await createCampaign(body, await harness.auth({ roles })).expect(403);
    const dealer = await harness.auth({
      roles: [Roles.dealer],
      partnerId: '00000000-0000-4000-8000-000000000001',
      partnerKind: 'dealer',
    });
    await createCampaign(body, dealer).expect(403);
    await harness.http().get('/campaigns').set('Authorization', dealer).expect(403);
  });

  it.each([
    [{ channel: 'fax' }, 'channel'],
    [{ segmentId: '00000000-0000-4000-8000-000000000009' }, 'segmentId'],
    [{ template: { en: TEMPLATE.en } }, 'template.zh-CN'],
    [{ template: { 'zh-CN': { subject: 'hi {{password}}', body: 'x' } } }, 'template.zh-CN.subject'],
    [{ template: { 'zh-CN': { subject: 'hi', body: '{{#if name}}unclosed' } } }, 'template.zh-CN.body'],
  ])('answers 400 naming the field for %j', async (change, field) => {
    const { status, body } = await createCampaign({
      name: 'bad',
      channel: 'email',
      segmentId,
      template: TEMPLATE,
      ...change,
    });
    expect(status).toBe(400);
    expect(body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('answers 400 naming sendAt for a time in the past', async () => {
    const { body } = await createCampaign({ name: 'past', channel: 'email', segmentId, template: TEMPLATE });
    const answer = await harness
      .http()
      .post(`/campaigns/${body.id}/schedule`)
      .set('Authorization', marketer)
      .send({ sendAt: '2020-01-01T00:00:00Z' })
      .expect(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'sendAt' })]);
  });
  it("sends each customer the template's variant in their preferred language, Chinese when unknown", async () => {
    const segment = await segmentOf(harness, marketer, 'Hangzhou', '杭州市');
    const created = await createCampaign({
      name: 'bilingual',
      channel: 'email',
      segmentId: segment,
      template: TEMPLATE,
    });
    await scheduleNow(harness, marketer, created.body.id);
    await eventually(async () => {
      expect(mailsTo('smith@example.com')).toHaveLength(1);
      expect(mailsTo('sun@example.cn')).toHaveLength(1);
    }, 30_000);
    expect(mailsTo('smith@example.com')[0]).toMatchObject({
      subject: 'John Smith, your service offer',
      text: expect.stringMatching(/^Dear John Smith/),
    });
    expect(mailsTo('sun@example.cn')[0].subject).toBe('孙悦，您的保养季优惠');
  });
});
