import {
  ActivityLogged,
  CustomerErased,
  CustomerRegistered,
  CustomerState,
  LeadCaptured,
  LeadConverted,
  RepairRecorded,
  Roles,
} from '@crm/contracts';
import { eventually, finishedOrWaitingForLock, LoopbackSmtpServer } from '@crm/testing';
import { DataSource } from 'typeorm';
import { featureQuery } from '../src/scoring/features/feature-sql';
import { FEATURE_KEYS } from '../src/scoring/features/propensity-features';
import { TouchpointRepository } from '../src/touchpoints/touchpoint.repository';
import { convertedBetween } from '../src/tracking/conversion-sql';
import { activityLogged, leadCaptured, leadConverted, repairRecorded } from './activity-fixture';
import { scheduleNow, segmentOf } from './audience-fixture';
import { CampaignsHarness } from './campaigns.harness';
import { consent, customerState, livingIn } from './customer-fixture';

const TEMPLATE = { 'zh-CN': { subject: '{{name}}，试驾季', body: '{{name}}您好。退订：{{unsubscribeUrl}}' } };
const DAY_MS = 86_400_000;
const NANJING = livingIn('江苏省', '南京市');
const member = (name: string, email: string) =>
  customerState({ name, address: NANJING, emails: [email], consents: [consent('email', true)] });
const leadBuyer = member('赵敏', 'zhao@example.cn');
const laterMatched = member('钱多', 'qian@example.cn');
const testDriver = member('孙丽', 'sun@example.cn');
const serviced = member('李强', 'li@example.cn');
const idle = member('周杰', 'zhou@example.cn');
const leadDriver = member('吴刚', 'wu@example.cn');
const everyone = [leadBuyer, laterMatched, testDriver, serviced, idle, leadDriver];

describe('campaign conversions: leads, test drives, orders and service visits by one rule', () => {
  let harness: CampaignsHarness;
  let smtp: LoopbackSmtpServer;
  let marketer: string;
  let campaignId: string;
  let sentAt: number;
  const at = (days: number) => new Date(sentAt + days * DAY_MS).toISOString();

  const results = async () =>
    (await harness.http().get(`/campaigns/${campaignId}/results`).set('Authorization', marketer).expect(200))
      .body;

  /** The propensity label's rule, asked per recipient: it must name the customers the results count. */
  const convertedByLabelRule = async () =>
    (
      await harness.query<{ customer_id: string }>(
        `SELECT r.customer_id FROM campaigns.campaign_recipient r JOIN campaigns.campaign k ON k.id = r.campaign_id
          WHERE r.campaign_id = $1
            AND ${convertedBetween('r.customer_id', 'r.sent_at', 'r.sent_at + make_interval(days => k.attribution_days)')}`,
        [campaignId],
      )
    )
      .map((row) => row.customer_id)
      .sort();

  const touchpoints = (customerId: string) =>
    harness.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM campaigns.customer_touchpoint WHERE customer_id = $1 GROUP BY kind ORDER BY kind`,
      [customerId],
    );

  beforeAll(async () => {
    smtp = await LoopbackSmtpServer.start();
    harness = await CampaignsHarness.start({
      campaigns: {
        CAMPAIGNS_SMTP_URL: smtp.url,
        CAMPAIGNS_SEND_POLL_INTERVAL_MS: 100,
        CAMPAIGNS_EMAIL_RATE_PER_SECOND: 2_000,
      },
    });
    marketer = await harness.auth({ sub: 'u-marketer', roles: [Roles.marketer] });
    for (const customer of everyone)
      await harness.publish(CustomerRegistered, customer.customerId, customer as CustomerState);
    await eventually(async () => {
      const [row] = await harness.query<{ n: number }>(`SELECT count(*)::int AS n FROM campaigns.customer`);
      expect(row.n).toBe(everyone.length);
    });
    const created = await harness
      .http()
      .post('/campaigns')
      .set('Authorization', marketer)
      .send({
        name: 'test drives',
        channel: 'email',
        segmentId: await segmentOf(harness, marketer, 'Nanjing', '南京市'),
        template: TEMPLATE,
      })
      .expect(201);
    campaignId = created.body.id;
    await scheduleNow(harness, marketer, campaignId);
    await eventually(async () => {
      const { body } = await harness
        .http()
        .get(`/campaigns/${campaignId}/progress`)
        .set('Authorization', marketer);
      expect(body.status).toBe('sent');
    }, 60_000);
    const [row] = await harness.query<{ sent_at: Date }>(
      `SELECT min(sent_at) AS sent_at FROM campaigns.campaign_recipient WHERE campaign_id = $1`,
      [campaignId],
    );
    sentAt = new Date(row.sent_at).getTime();

    const lead = leadCaptured(leadBuyer.customerId, at(2));
    // Twice: a redelivered event adds nothing.
    await harness.publish(LeadCaptured, lead.leadId, lead);
    await harness.publish(LeadCaptured, lead.leadId, lead);
    const unmatched = leadCaptured(null, at(3));
    await harness.publish(LeadCaptured, unmatched.leadId, unmatched);
    // Converted after the window closed; the lead still dates from its capture, inside it.
    const conversion = leadConverted(unmatched.leadId, laterMatched.customerId, at(40));
    await harness.publish(LeadConverted, unmatched.leadId, conversion);
    const drive = activityLogged(testDriver.customerId, 'test_drive', at(5));
    await harness.publish(ActivityLogged, drive.activityId, drive);
    // A test drive sales logged on a lead alone (captured before the send, so not a conversion itself): it
    // counts once the lead's conversion names the customer.
    const driverLead = leadCaptured(null, at(-10));
    await harness.publish(LeadCaptured, driverLead.leadId, driverLead);
    const leadDrive = { ...activityLogged(null, 'test_drive', at(6)), leadId: driverLead.leadId };
    await harness.publish(ActivityLogged, leadDrive.activityId, leadDrive);
    const driverConversion = leadConverted(driverLead.leadId, leadDriver.customerId, at(8));
    await harness.publish(LeadConverted, driverLead.leadId, driverConversion);
    // Not conversions: a phone call inside the window, a test drive after it, a lead before the send.
    const call = activityLogged(idle.customerId, 'call', at(1));
    const lateDrive = activityLogged(idle.customerId, 'test_drive', at(31));
    for (const activity of [call, lateDrive])
      await harness.publish(ActivityLogged, activity.activityId, activity);
    const earlyLead = leadCaptured(idle.customerId, at(-1));
    await harness.publish(LeadCaptured, earlyLead.leadId, earlyLead);
    // Two visits, the one after the send inside the window.
    for (const visit of [
      repairRecorded(serviced.customerId, at(-60)),
      repairRecorded(serviced.customerId, at(4)),
    ])
      await harness.publish(RepairRecorded, visit.repairId, visit);
    await eventually(async () => {
      const [counts] = await harness.query<{ n: number; linked: number }>(
        `SELECT count(*)::int AS n, count(customer_id)::int AS linked FROM campaigns.customer_touchpoint`,
      );
      expect(counts).toEqual({ n: 9, linked: 9 });
    }, 60_000);
  }, 180_000);

  afterAll(async () => {
    await harness?.stop();
    await smtp?.stop();
  });

  it('counts a lead, a lead matched later and a test drive in the window, and a service visit, as conversions', async () => {
    const { treated } = await results();
    expect(treated).toMatchObject({ size: 6, converted: 5, orderAmount: 0 });
    expect(await touchpoints(leadBuyer.customerId)).toEqual([{ kind: 'lead', n: 1 }]);
    expect(await touchpoints(leadDriver.customerId)).toEqual([
      { kind: 'lead', n: 1 },
      { kind: 'test_drive', n: 1 },
    ]);
    expect(await touchpoints(idle.customerId)).toEqual([
      { kind: 'lead', n: 1 },
      { kind: 'test_drive', n: 1 },
    ]);
  });

  it('labels for scoring by the same rule the results count by', async () => {
    expect(await convertedByLabelRule()).toEqual(
      [leadBuyer, laterMatched, testDriver, serviced, leadDriver].map((c) => c.customerId).sort(),
    );
  });

  it('counts each service visit before a moment as a scoring feature', async () => {
    const rows = await harness.query<{ customerId: string; values: number[] }>(
      featureQuery(
        `SELECT id AS customer_id, $1::timestamptz AS as_of, false AS label FROM campaigns.customer WHERE id = ANY($2)`,
      ),
      [at(10), [serviced.customerId, idle.customerId]],
    );
    const visits = FEATURE_KEYS.indexOf('serviceVisits');
    const byCustomer = Object.fromEntries(rows.map((row) => [row.customerId, row.values[visits]]));
    expect(byCustomer).toEqual({ [serviced.customerId]: 2, [idle.customerId]: 0 });
    const before = await harness.query<{ values: number[] }>(
      featureQuery(`SELECT $2::uuid AS customer_id, $1::timestamptz AS as_of, false AS label`),
      [at(0), serviced.customerId],
    );
    expect(before[0].values[visits]).toBe(1);
  });

  it("gives a test drive on a lead the lead's customer when the lead's conversion commits beside it", async () => {
    const repository = harness.app.get(TouchpointRepository);
    const dataSource = harness.app.get(DataSource);
    const lead = leadCaptured(null, at(-20));
    await dataSource.transaction((tx) => repository.captureLead(tx, lead.leadId, null, lead.capturedAt));
    const drive = activityLogged(null, 'test_drive', at(-15));
    const activityTx = dataSource.createQueryRunner();
    await activityTx.startTransaction();
    await repository.recordLeadTestDrive(activityTx.manager, drive.activityId, lead.leadId, drive.occurredAt);
    const conversion = dataSource.transaction((tx) =>
      repository.linkLead(tx, lead.leadId, serviced.customerId, at(-12)),
    );
    await finishedOrWaitingForLock(dataSource, conversion);
    await activityTx.commitTransaction();
    await activityTx.release();
    await conversion;
    const [row] = await harness.query<{ customer_id: string }>(
      `SELECT customer_id FROM campaigns.customer_touchpoint WHERE kind = 'test_drive' AND source_id = $1`,
      [drive.activityId],
    );
    expect(row.customer_id).toBe(serviced.customerId);
  });

  it("drops an erased customer's leads and test drives, and their conversion with them", async () => {
    await harness.publish(CustomerErased, testDriver.customerId, {
      customerId: testDriver.customerId,
      erasedAt: new Date().toISOString(),
    });
    await eventually(async () => expect(await touchpoints(testDriver.customerId)).toEqual([]));
    expect((await results()).treated.converted).toBe(4);
    expect(await convertedByLabelRule()).not.toContain(testDriver.customerId);
  });
});
