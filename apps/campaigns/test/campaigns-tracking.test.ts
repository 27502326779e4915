import { randomBytes, randomUUID } from 'node:crypto';
import {
  CustomerErased,
  CustomerRegistered,
  CustomerState,
  InteractionRecorded,
  OrderPlaced,
  RepairRecorded,
  Roles,
} from '@crm/contracts';
import { eventually, LoopbackSmtpServer } from '@crm/testing';
import { TrackingTokens } from '@crm/core';
import { orderPlaced, repairRecorded } from './activity-fixture';
import { scheduleNow, segmentOf } from './audience-fixture';
import { CampaignsHarness } from './campaigns.harness';
import { consent, customerState, livingIn } from './customer-fixture';

const SECRET = randomBytes(32).toString('base64url');
const OFFER = 'https://shop.example.cn/offer?id=1';
const STORES = 'https://shop.example.cn/stores';
const TEMPLATE = {
  'zh-CN': {
    subject: '{{name}}，保养季',
    body: `{{name}}您好：优惠详情 ${OFFER}，门店 ${STORES}。退订：{{unsubscribeUrl}}`,
  },
};
const DAY_MS = 86_400_000;
const SUZHOU = livingIn('江苏省', '苏州市');
const member = (name: string, email: string) =>
  customerState({ name, address: SUZHOU, emails: [email], consents: [consent('email', true)] });
const wang = member('王芳', 'wang@example.cn');
const chen = member('陈静', 'chen@example.cn');
const liu = member('刘洋', 'liu@example.cn');

describe('campaign tracking: opens, clicks, conversions, call-center replies, holdout and lift', () => {
  let harness: CampaignsHarness;
  let smtp: LoopbackSmtpServer;
  let marketer: string;
  const tokens = new TrackingTokens(SECRET);

  const segment = (city: string) => segmentOf(harness, marketer, city, city);

  const sendCampaign = async (segmentId: string, settings: Record<string, number> = {}) => {
    const created = await harness
      .http()
      .post('/campaigns')
      .set('Authorization', marketer)
      .send({ name: 'tracked', channel: 'email', segmentId, template: TEMPLATE, ...settings })
      .expect(201);
    const id = created.body.id as string;
    await scheduleNow(harness, marketer, id);
    await eventually(async () => {
      const { body } = await harness.http().get(`/campaigns/${id}/progress`).set('Authorization', marketer);
      expect(body.status).toBe('sent');
    }, 60_000);
    return id;
  };

  const results = async (campaignId: string) =>
    (await harness.http().get(`/campaigns/${campaignId}/results`).set('Authorization', marketer).expect(200))
      .body;

  const responses = (campaignId: string, kind: string) =>
    harness.query<{ customer_id: string; times: number; detail: string | null }>(
      `SELECT customer_id, times, detail FROM campaigns.campaign_response WHERE campaign_id = $1 AND kind = $2`,
      [campaignId, kind],
    );

  beforeAll(async () => {
    smtp = await LoopbackSmtpServer.start();
    harness = await CampaignsHarness.start({
      campaigns: {
        CAMPAIGNS_SMTP_URL: smtp.url,
        CAMPAIGNS_SEND_POLL_INTERVAL_MS: 100,
        CAMPAIGNS_EMAIL_RATE_PER_SECOND: 2_000,
        CAMPAIGNS_UNSUBSCRIBE_SECRET: SECRET,
        CAMPAIGNS_EMAIL_COST_PER_MESSAGE: 0.5,
      },
    });
    marketer = await harness.auth({ sub: 'u-marketer', roles: [Roles.marketer] });
    for (const customer of [wang, chen, liu])
      await harness.publish(CustomerRegistered, customer.customerId, customer as CustomerState);
    await eventually(async () => {
      const [row] = await harness.query<{ n: number }>(`SELECT count(*)::int AS n FROM campaigns.customer`);
      expect(row.n).toBe(3);
    });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
    await smtp?.stop();
  });

  it('refuses a holdout over 50% or an attribution window of 0 days, naming the field', async () => {
    const segmentId = await segment('无锡市');
    for (const [field, value] of [
      ['holdoutPercent', 51],
      ['attributionDays', 0],
    ] as const) {
      const { status, body } = await harness
        .http()
        .post('/campaigns')
        .set('Authorization', marketer)
        .send({ name: 'bad', channel: 'email', segmentId, template: TEMPLATE, [field]: value });
      expect(status).toBe(400);
      expect(JSON.stringify(body)).toContain(field);
    }
  });

  describe('a campaign sent to three customers', () => {
    let campaignId: string;
    let sentAt: number;
    const mailTo = (address: string) => smtp.received.find((mail) => mail.to.includes(address))!;
    const clickPath = (address: string, url: string) => {
      const line = mailTo(address).text;
      const match = /http:\/\/localhost:3006(\/t\/c\/[A-Za-z0-9._-]+)/g;
      const paths = [...line.matchAll(match)].map((m) => m[1]);
      return paths[url === OFFER ? 0 : 1];
    };
    const pixelPath = (address: string) =>
      /http:\/\/localhost:3006(\/t\/o\/[^"]+\.gif)/.exec(mailTo(address).html ?? '')?.[1];

    beforeAll(async () => {
      campaignId = await sendCampaign(await segment('苏州市'));
      const [row] = await harness.query<{ sent_at: Date }>(
        `SELECT max(sent_at) AS sent_at FROM campaigns.campaign_recipient WHERE campaign_id = $1`,
        [campaignId],
      );
      sentAt = new Date(row.sent_at).getTime();
    }, 90_000);

    it('rewrites the template links into signed redirects and carries an open pixel', () => {
      const text = mailTo('wang@example.cn').text;
      expect(text).not.toContain(OFFER);
      expect(text).toContain('/unsubscribe/');
      expect(clickPath('wang@example.cn', OFFER)).toMatch(/^\/t\/c\//);
      expect(pixelPath('wang@example.cn')).toMatch(/^\/t\/o\//);
    });

    it('records an open once per recipient however often the pixel loads', async () => {
      for (let i = 0; i < 3; i++) {
        const pixel = await harness.http().get(pixelPath('wang@example.cn')!).expect(200);
        expect(pixel.headers['content-type']).toBe('image/gif');
      }
      expect(await responses(campaignId, 'opened')).toEqual([
        { customer_id: wang.customerId, times: 3, detail: null },
      ]);
    });

    it('redirects a click to the template link and records it once per recipient', async () => {
      for (let i = 0; i < 2; i++)
        await harness.http().get(clickPath('wang@example.cn', OFFER)).expect(302).expect('Location', OFFER);
      await harness.http().get(clickPath('chen@example.cn', STORES)).expect(302).expect('Location', STORES);
      const clicked = await responses(campaignId, 'clicked');
      expect(clicked).toHaveLength(2);
      expect(clicked.find((r) => r.customer_id === wang.customerId)).toMatchObject({
        times: 2,
        detail: OFFER,
      });
    });

    it('answers a forged or tampered token with 404 and never redirects to a URL it was given', async () => {
      const genuine = clickPath('wang@example.cn', OFFER);
      const at = genuine.length - 10;
      const flipped = genuine.slice(0, at) + (genuine[at] === 'A' ? 'B' : 'A') + genuine.slice(at + 1);
      await harness.http().get(flipped).expect(404);
      const otherIndex = genuine.replace(/\.0\./, '.1.');
      await harness.http().get(otherIndex).expect(404);
      const forgedKey = new TrackingTokens(randomBytes(32).toString('base64url'));
      await harness
        .http()
        .get(`/t/c/${forgedKey.signClick({ campaignId, customerId: wang.customerId, linkIndex: 0 })}`)
        .expect(404);
      // Validly signed, but the template has no third link: the index is all a token can name.
      await harness
        .http()
        .get(`/t/c/${tokens.signClick({ campaignId, customerId: wang.customerId, linkIndex: 2 })}`)
        .expect(404);
      const attack = await harness.http().get(`/t/c/${encodeURIComponent('https://evil.example/phish')}`);
      expect(attack.status).toBe(404);
      expect(attack.headers.location).toBeUndefined();
      // A URL riding along with a genuine token is never read: the redirect is the template's link.
      await harness
        .http()
        .get(`${genuine}?url=${encodeURIComponent('https://evil.example')}`)
        .expect(302)
        .expect('Location', OFFER);
      const stranger = randomUUID();
      await harness
        .http()
        .get(`/t/o/${tokens.signOpen({ campaignId, customerId: stranger })}.gif`)
        .expect(404);
      await harness
        .http()
        .get(`/t/o/${tokens.signOpen({ campaignId, customerId: wang.customerId })}`)
        .expect(404);
      expect(await responses(campaignId, 'opened')).toHaveLength(1);
    });

    it('counts an order or service visit inside the attribution window as a conversion, one outside it not', async () => {
      const inside = orderPlaced(wang.customerId, ['Aurora S7'], new Date(sentAt + 2 * DAY_MS).toISOString());
      const outside = orderPlaced(chen.customerId, ['Nova E3'], new Date(sentAt + 31 * DAY_MS).toISOString());
      const before = orderPlaced(liu.customerId, ['Nova E3'], new Date(sentAt - DAY_MS).toISOString());
      for (const order of [inside, outside, before]) await harness.publish(OrderPlaced, order.orderId, order);
      const visit = repairRecorded(liu.customerId, new Date(sentAt + 3 * DAY_MS).toISOString());
      await harness.publish(RepairRecorded, visit.ticketId, visit);
      await eventually(async () => {
        const [row] = await harness.query<{ orders: number; visits: number }>(
          `SELECT (SELECT count(*)::int FROM campaigns.customer_order) AS orders,
                  (SELECT count(*)::int FROM campaigns.customer_service WHERE last_service_at IS NOT NULL) AS visits`,
        );
        expect(row).toEqual({ orders: 3, visits: 1 });
      });
      const { treated, cost } = await results(campaignId);
      expect(treated).toMatchObject({
        size: 3,
        delivered: 3,
        converted: 2,
        orderAmount: 200_000,
        opened: 1,
        clicked: 2,
      });
      expect(treated.rates.converted).toBeCloseTo(2 / 3, 10);
      expect(cost).toEqual({
        perMessage: 0.5,
        total: 1.5,
        attributedRevenue: 200_000,
        roi: (200_000 - 1.5) / 1.5,
      });
    });

    it('turns a call-center interaction tagged with the campaign into a reply, once', async () => {
      const interaction = {
        interactionId: randomUUID(),
        customerId: liu.customerId,
        channel: 'phone' as const,
        direction: 'outbound' as const,
        agentId: 'u-agent',
        subject: 'Campaign feedback',
        notes: null,
        outcome: 'interested',
        durationSeconds: 60,
        occurredAt: new Date().toISOString(),
        campaignId,
      };
      await harness.publish(InteractionRecorded, interaction.interactionId, interaction);
      await harness.publish(InteractionRecorded, interaction.interactionId, interaction);
      const untagged = {
        ...interaction,
        interactionId: randomUUID(),
        customerId: chen.customerId,
        campaignId: null,
      };
      await harness.publish(InteractionRecorded, untagged.interactionId, untagged);
      await eventually(async () =>
        expect(await responses(campaignId, 'replied')).toEqual([
          { customer_id: liu.customerId, times: expect.any(Number), detail: 'interested' },
        ]),
      );
      expect((await results(campaignId)).treated.replied).toBe(1);
    });

    it('lists the campaigns that reached a customer, with their call-center answer, to agents only', async () => {
      const agent = await harness.auth({ roles: [Roles.agent] });
      const ofCustomer = async (customerId: string) =>
        (
          await harness
            .http()
            .get(`/customers/${customerId}/campaigns`)
            .set('Authorization', agent)
            .expect(200)
        ).body;
      await eventually(async () =>
        expect(await ofCustomer(liu.customerId)).toEqual([
          {
            campaignId,
            name: 'tracked',
            channel: 'email',
            sentAt: expect.any(String),
            reply: { outcome: 'interested', at: expect.any(String) },
          },
        ]),
      );
      expect(await ofCustomer(chen.customerId)).toEqual([
        expect.objectContaining({ campaignId, reply: null }),
      ]);
      expect(await ofCustomer(randomUUID())).toEqual([]);
      const dealer = await harness.auth({
        roles: [Roles.dealer],
        partnerId: '00000000-0000-4000-8000-000000000001',
        partnerKind: 'dealer',
      });
      for (const caller of [dealer, await harness.auth({ roles: [Roles.salesRep] })])
        await harness
          .http()
          .get(`/customers/${liu.customerId}/campaigns`)
          .set('Authorization', caller)
          .expect(403);
      await harness.http().get(`/customers/not-a-uuid/campaigns`).set('Authorization', agent).expect(400);
    });

    it('profiles responders against non-responders by province', async () => {
      const { profile } = await results(campaignId);
      expect(profile).toContainEqual({
        dimension: 'province',
        value: '江苏省',
        responders: 3,
        nonResponders: 0,
      });
    });

    it("scrubs an erased recipient's reply text and keeps their responses counted", async () => {
      await harness.publish(CustomerErased, liu.customerId, {
        customerId: liu.customerId,
        erasedAt: new Date().toISOString(),
      });
      await eventually(async () =>
        expect(await responses(campaignId, 'replied')).toEqual([
          { customer_id: liu.customerId, times: expect.any(Number), detail: null },
        ]),
      );
      // A click after the erasure still counts, without the link.
      await harness.http().get(clickPath('liu@example.cn', STORES)).expect(302);
      expect((await responses(campaignId, 'clicked')).find((r) => r.customer_id === liu.customerId)).toEqual({
        customer_id: liu.customerId,
        times: 1,
        detail: null,
      });
      expect((await results(campaignId)).treated).toMatchObject({ replied: 1, clicked: 3 });
    });
  });

  describe('a campaign with a 20% holdout over 1,000 customers', () => {
    const SIZE = 1_000;
    let campaignId: string;

    beforeAll(async () => {
      // Seeded straight into the replica: a thousand customer events would only slow the run, not test more.
      await harness.query(
        `WITH c AS (
           INSERT INTO campaigns.customer (id, kind, name, province, city, emails, updated_at, consented_channels)
           SELECT gen_random_uuid(), 'person', 'holdout-' || i, '浙江省', '杭州市', ARRAY['h' || i || '@example.cn'], now(),
                  ARRAY['email']
             FROM generate_series(1, $1) i RETURNING id)
         INSERT INTO campaigns.customer_consent (customer_id, channel, granted, at)
         SELECT id, 'email', true, now() FROM c`,
        [SIZE],
      );
      campaignId = await sendCampaign(await segment('杭州市'), { holdoutPercent: 20 });
    }, 120_000);

    it('holds out a share within tolerance and mails none of them', async () => {
      const held = await harness.query<{ email: string }>(
        `SELECT c.emails[1] AS email FROM campaigns.campaign_recipient r JOIN campaigns.customer c ON c.id = r.customer_id
          WHERE r.campaign_id = $1 AND r.status = 'holdout'`,
        [campaignId],
      );
      // Binomial(1000, 0.2): sd 12.6; four of them either side.
      expect(held.length).toBeGreaterThanOrEqual(150);
      expect(held.length).toBeLessThanOrEqual(250);
      const mailed = new Set(smtp.received.flatMap((mail) => mail.to));
      expect(held.filter(({ email }) => mailed.has(email))).toEqual([]);
      const sent = smtp.received.filter((mail) => mail.to[0].startsWith('h')).length;
      expect(sent).toBe(SIZE - held.length);
      const { body: progress } = await harness
        .http()
        .get(`/campaigns/${campaignId}/progress`)
        .set('Authorization', marketer)
        .expect(200);
      expect(progress).toMatchObject({ total: SIZE, heldOut: held.length, sent: SIZE - held.length });
      const { treated, holdout, lift } = await results(campaignId);
      expect(treated.size + holdout.size).toBe(SIZE);
      expect(holdout).toEqual({ size: held.length, converted: 0, conversionRate: 0 });
      expect(lift).toMatchObject({ absoluteLift: 0, confidenceInterval95: null });
      expect(lift.note).toMatch(/too few/);
    });

    it('picks the same holdout for the same campaign and customers (a hash, not a draw)', async () => {
      const [row] = await harness.query<{ mismatched: number }>(
        `SELECT count(*)::int AS mismatched FROM campaigns.campaign_recipient r
          WHERE r.campaign_id = $1 AND (r.status = 'holdout') <>
                (('x' || left(md5(r.campaign_id::text || r.customer_id::text), 8))::bit(32)::bigint / 4294967296.0 < 0.2)`,
        [campaignId],
      );
      expect(row.mismatched).toBe(0);
    });
  });
});
