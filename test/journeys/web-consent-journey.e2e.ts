import { randomBytes, randomUUID } from 'node:crypto';
import { LinkSigner } from '@crm/core';
import { eventually, LoopbackSmtpServer } from '@crm/testing';
import { PlatformUnderTest } from './platform-under-test';

const SITE_ORIGIN = 'https://www.aurora-motors.example';
const SITE_SECRET = randomBytes(32).toString('base64url');
const TAG = 'web-consent-journey';

/**
 * A person says yes to website tracking and no to marketing mail at the customer master (ADR 0055): the website
 * keeps their page views, campaigns never mails them for it, and their withdrawal of `web` at the customer master
 * deletes what the website kept at once.
 */
describe('journey: the web consent, from the customer master to the website and campaigns', () => {
  let platform: PlatformUnderTest;
  let smtp: LoopbackSmtpServer;
  let agent: string;
  let marketer: string;
  let customerId: string;
  const visitorId = randomUUID();

  beforeAll(async () => {
    smtp = await LoopbackSmtpServer.start();
    platform = await PlatformUnderTest.start({
      campaigns: { CAMPAIGNS_SMTP_URL: smtp.url, CAMPAIGNS_SEND_POLL_INTERVAL_MS: 200 },
      webTracking: { WEB_TRACKING_SITE_ORIGINS: [SITE_ORIGIN], WEB_TRACKING_SITE_SECRET: SITE_SECRET },
    });
    agent = await platform.as(['agent']);
    marketer = await platform.as(['marketer']);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await smtp?.stop();
  });

  const pageViews = async () =>
    (
      await platform.query<{ n: number }>(
        'webTracking',
        `SELECT count(*)::int n FROM web_tracking.page_view WHERE customer_id = $1 OR visitor_id = $2`,
        [customerId, visitorId],
      )
    )[0].n;

  /** What the site's server sends when the visitor logs in (ADR 0044). */
  const siteSignature = () => {
    const t = Math.floor(Date.now() / 1000);
    return `t=${t},s=${new LinkSigner(SITE_SECRET).signature(`visitor-link.${t}.${visitorId}.${customerId}`)}`;
  };

  it('lets the website track a customer who granted web tracking, though they withdrew email', async () => {
    const { body } = await platform
      .customerMaster()
      .post('/customers')
      .set('Authorization', agent)
      .send({
        kind: 'person',
        name: '韩梅梅',
        emails: ['meimei.web@example.cn'],
        tags: [TAG],
        consents: [
          { channel: 'email', granted: false, source: 'call-center' },
          { channel: 'web', granted: true, source: 'website-banner' },
        ],
      })
      .expect(201);
    customerId = body.id;
    await eventually(async () => {
      const rows = await platform.query(
        'webTracking',
        `SELECT tracking_allowed FROM web_tracking.customer_consent WHERE customer_id = $1`,
        [customerId],
      );
      expect(rows).toEqual([{ tracking_allowed: true }]);
    }, 30_000);
    await platform
      .webTracking()
      .post('/tracking/events')
      .set('Origin', SITE_ORIGIN)
      .set('Content-Type', 'text/plain')
      .send(
        JSON.stringify({
          type: 'view',
          consent: true,
          visitorId,
          viewId: randomUUID(),
          seq: 1,
          path: '/models/aurora-s7',
          category: 'models',
          model: 'Aurora S7',
        }),
      )
      .expect(202, { stored: true });
    await platform
      .webTracking()
      .post(`/tracking/visitors/${visitorId}/customer`)
      .set('X-Site-Signature', siteSignature())
      .send({ customerId })
      .expect(204);
    expect(await pageViews()).toBe(1);
  }, 60_000);

  it('shows the agent the web consent in the 360', async () => {
    await eventually(async () => {
      const { body } = await platform
        .callCenter()
        .get(`/customers/${customerId}/360`)
        .set('Authorization', agent)
        .expect(200);
      expect(body.consents).toContainEqual(expect.objectContaining({ channel: 'web', granted: true }));
      expect(body.browsingProfile).toEqual(expect.objectContaining({ models: ['Aurora S7'] }));
    }, 30_000);
  }, 60_000);

  it('never mails them for it: campaigns neither keeps nor sends on `web`', async () => {
    await platform
      .campaigns()
      .post('/segments')
      .set('Authorization', marketer)
      .send({ name: 'web consenting', rule: { field: 'consent', channel: 'web' } })
      .expect(400);
    const segment = await platform
      .campaigns()
      .post('/segments')
      .set('Authorization', marketer)
      .send({ name: TAG, rule: { field: 'tag', has: TAG } })
      .expect(201);
    const campaign = await platform
      .campaigns()
      .post('/campaigns')
      .set('Authorization', marketer)
      .send({
        name: '试驾邀请',
        channel: 'email',
        segmentId: segment.body.id,
        template: { 'zh-CN': { subject: '{{name}}，邀您试驾', body: '{{name}}您好，欢迎试驾。' } },
      })
      .expect(201);
    await platform
      .campaigns()
      .post(`/campaigns/${campaign.body.id}/schedule`)
      .set('Authorization', marketer)
      .expect(200);
    await eventually(async () => {
      const rows = await platform.query(
        'campaigns',
        `SELECT status, skip_reason FROM campaigns.campaign_recipient WHERE customer_id = $1`,
        [customerId],
      );
      expect(rows).toEqual([{ status: 'skipped', skip_reason: 'no_consent' }]);
    }, 30_000);
    expect(smtp.received).toHaveLength(0);
    const kept = await platform.query(
      'campaigns',
      `SELECT channel FROM campaigns.customer_consent WHERE customer_id = $1`,
      [customerId],
    );
    expect(kept).toEqual([{ channel: 'email' }]);
  }, 60_000);

  it('deletes what the website kept as soon as they withdraw web tracking at the customer master', async () => {
    await platform
      .customerMaster()
      .patch(`/customers/${customerId}`)
      .set('Authorization', agent)
      .send({ consents: [{ channel: 'web', granted: false, source: 'call-center' }] })
      .expect(200);
    await eventually(async () => expect(await pageViews()).toBe(0), 30_000);
    const visitors = await platform.query(
      'webTracking',
      `SELECT 1 FROM web_tracking.visitor WHERE customer_id = $1`,
      [customerId],
    );
    expect(visitors).toEqual([]);
    await eventually(async () => {
      const { body } = await platform
        .callCenter()
        .get(`/customers/${customerId}/360`)
        .set('Authorization', agent)
        .expect(200);
      expect(body.consents).toContainEqual(expect.objectContaining({ channel: 'web', granted: false }));
      expect(body.browsingProfile).toBeNull();
    }, 30_000);
  }, 60_000);
});
