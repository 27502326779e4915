import {
  CampaignRecipientSettled,
  CustomerRegistered,
  EventEnvelope,
  OrderPlaced,
  PayloadOf,
  Roles,
} from '@crm/contracts';
import { FixedClock } from '@crm/core';
import { eventually, LoopbackSmtpServer } from '@crm/testing';
import { CampaignLauncher } from '../src/sending/campaign-launcher';
import { orderPlaced } from './activity-fixture';
import { scheduleNow, segmentOf } from './audience-fixture';
import { CampaignsHarness } from './campaigns.harness';
import { consent, customerState, livingIn } from './customer-fixture';

const DAY_MS = 86_400_000;
const START = new Date('2026-11-02T02:00:00.000Z');
const TEMPLATE = {
  'zh-CN': { subject: '{{name}}，冬季保养', body: '{{name}}您好。退订：{{unsubscribeUrl}}' },
};
const audience = Array.from({ length: 12 }, (_, i) =>
  customerState({
    name: `客户${i}`,
    address: livingIn('湖北省', '武汉市'),
    emails: [`settle-${i}@example.cn`],
    consents: [consent('email', true)],
  }),
);

type Settled = EventEnvelope<PayloadOf<typeof CampaignRecipientSettled>>;

describe('settling a campaign’s recipients when their attribution window closes', () => {
  const clock = new FixedClock(START);
  let harness: CampaignsHarness;
  let smtp: LoopbackSmtpServer;
  let launcher: CampaignLauncher;
  let campaignId: string;
  let held: string[];
  let treated: string[];

  const settledEvents = async () => (await harness.outbox(CampaignRecipientSettled.type)) as Settled[];

  beforeAll(async () => {
    smtp = await LoopbackSmtpServer.start();
    harness = await CampaignsHarness.start({
      clock,
      campaigns: { CAMPAIGNS_SMTP_URL: smtp.url, CAMPAIGNS_SEND_POLL_INTERVAL_MS: 100 },
    });
    launcher = harness.app.get(CampaignLauncher);
    const marketer = await harness.auth({ sub: 'u-marketer', roles: [Roles.marketer] });
    for (const customer of audience) await harness.publish(CustomerRegistered, customer.customerId, customer);
    await eventually(async () => {
      const [row] = await harness.query<{ n: number }>(`SELECT count(*)::int AS n FROM campaigns.customer`);
      expect(row.n).toBe(audience.length);
    });
    const created = await harness
      .http()
      .post('/campaigns')
      .set('Authorization', marketer)
      .send({
        name: 'winter service',
        channel: 'email',
        segmentId: await segmentOf(harness, marketer, 'Wuhan', '武汉市'),
        template: TEMPLATE,
        holdoutPercent: 50,
        attributionDays: 30,
      })
      .expect(201);
    campaignId = created.body.id;
    await scheduleNow(harness, marketer, campaignId);
    await eventually(async () => {
      const [row] = await harness.query<{ status: string }>(
        `SELECT status FROM campaigns.campaign WHERE id = $1`,
        [campaignId],
      );
      expect(row.status).toBe('sent');
    }, 60_000);
    const recipients = await harness.query<{ customer_id: string; status: string }>(
      `SELECT customer_id, status FROM campaigns.campaign_recipient WHERE campaign_id = $1 ORDER BY customer_id`,
      [campaignId],
    );
    held = recipients.filter((r) => r.status === 'holdout').map((r) => r.customer_id);
    treated = recipients.filter((r) => r.status === 'sent').map((r) => r.customer_id);
    expect(held.length).toBeGreaterThan(0);
    expect(treated.length).toBeGreaterThan(0);
    // One treated and one held-out customer buy inside the window; another treated one only after it.
    const at = (days: number) => new Date(START.getTime() + days * DAY_MS).toISOString();
    const orders = [
      orderPlaced(treated[0], ['Aurora S7'], at(3)),
      orderPlaced(held[0], ['Aurora S7', 'Aurora X3'], at(10)),
      orderPlaced(treated[1], ['Aurora X3'], at(31)),
    ];
    for (const order of orders) await harness.publish(OrderPlaced, order.orderId, order);
    await eventually(async () => {
      const [row] = await harness.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM campaigns.customer_order`,
      );
      expect(row.n).toBe(orders.length);
    });
    // From here the tests alone run the launcher's passes. The loop's own pass would race a test's for the same closed
    // windows (they are claimed SKIP LOCKED) and commit its settlements after the test had read the outbox.
    await launcher.onApplicationShutdown();
  }, 180_000);

  afterAll(async () => {
    await harness?.stop();
    await smtp?.stop();
  });

  it('settles nobody while the window is open', async () => {
    clock.advance(29 * DAY_MS);
    await launcher.launchDue();
    expect(await settledEvents()).toEqual([]);
  });

  it('publishes one settlement per recipient, with what they did, once the window closed', async () => {
    clock.advance(2 * DAY_MS);
    await launcher.launchDue();
    const events = await settledEvents();
    expect(events.map((e) => e.payload.customerId).sort()).toEqual([...held, ...treated].sort());
    const of = (customerId: string) => events.find((e) => e.payload.customerId === customerId)?.payload;
    expect(of(treated[0])).toMatchObject({
      campaignId,
      step: 1,
      channel: 'email',
      group: 'treated',
      delivered: true,
      responded: true,
      converted: true,
      conversionKind: 'order',
      conversionAmount: 200_000,
      settledAt: clock.now().toISOString(),
    });
    expect(of(held[0])).toMatchObject({
      group: 'holdout',
      delivered: false,
      converted: true,
      conversionKind: 'order',
      conversionAmount: 400_000,
    });
    expect(of(treated[1])).toMatchObject({ converted: false, conversionKind: null, conversionAmount: null });
    expect(of(treated[1])?.windowClosedAt).toBe(new Date(START.getTime() + 30 * DAY_MS).toISOString());
    expect(events.every((e) => e.aggregateId === campaignId)).toBe(true);
    // The relay hands them to Kafka on the campaign's topic.
    await eventually(async () => {
      const rows = await harness.query<{ topic: string; published: boolean }>(
        `SELECT topic, published_at IS NOT NULL AS published FROM campaigns.outbox_message
          WHERE envelope->>'type' = $1`,
        [CampaignRecipientSettled.type],
      );
      expect(rows).toHaveLength(events.length);
      expect(rows.every((row) => row.published && row.topic.endsWith('crm.campaign.v1'))).toBe(true);
    });
  });

  it('publishes nothing new when the closer runs again', async () => {
    const before = await settledEvents();
    clock.advance(DAY_MS);
    await launcher.launchDue();
    await launcher.launchDue();
    expect((await settledEvents()).map((e) => e.id)).toEqual(before.map((e) => e.id));
    const [row] = await harness.query<{ unsettled: number }>(
      `SELECT count(*) FILTER (WHERE settled_at IS NULL)::int AS unsettled FROM campaigns.campaign_recipient
        WHERE campaign_id = $1`,
      [campaignId],
    );
    expect(row.unsettled).toBe(0);
  });
});
