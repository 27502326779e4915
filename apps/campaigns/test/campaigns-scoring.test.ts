import { createHash, randomUUID } from 'node:crypto';
import {
  CustomerRegistered,
  CustomerState,
  InteractionRecorded,
  RepairRecorded,
  Roles,
} from '@crm/contracts';
import { eventually, LoopbackSmtpServer } from '@crm/testing';
import { monthsAgo, repairRecorded } from './activity-fixture';
import { PropensityRetrainingLoop } from '../src/scoring/retraining/propensity-retraining.loop';
import { PropensityRetrainingService } from '../src/scoring/retraining/propensity-retraining.service';
import { CampaignsHarness } from './campaigns.harness';
import { consent, customerState, livingIn } from './customer-fixture';

const POPULATION = 400;
const TEMPLATE = { 'zh-CN': { subject: '{{name}}，您好', body: '{{name}}您好。退订：{{unsubscribeUrl}}' } };
const HANGZHOU = livingIn('浙江省', '杭州市');

/** Fixed ids and labels, so the held-out split (a hash of the id) and every AUC are the same on each run. */
const digest = (text: string) => createHash('md5').update(text).digest('hex');
const fixedUuid = (i: number) => {
  const h = digest(`scoring-customer-${i}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const coin = (salt: string, i: number, share: number) =>
  parseInt(digest(`${salt}-${i}`).slice(0, 4), 16) / 65536 < share;

interface Member {
  customer: CustomerState;
  /** Serviced a month ago (the others 30 months ago): what decides a service reminder's response. */
  recentService: boolean;
}
const population: Member[] = Array.from({ length: POPULATION }, (_, i) => ({
  customer: customerState({
    customerId: fixedUuid(i),
    name: `客户${i}`,
    address: HANGZHOU,
    emails: [`c${i}@example.cn`],
    consents: [consent('email', true)],
  }),
  recentService: i % 2 === 0,
}));
/** Service reminders: the recently serviced answer, one answer in ten flipped. */
const answersReminder = (member: Member, i: number) => member.recentService !== coin('noise', i, 0.1);
/** Accessories: half answer, by a coin unrelated to anything the model sees. */
const answersAccessories = (_: Member, i: number) => coin('accessories', i, 0.5);

describe('campaign propensity scoring: trained per objective, AUC on held-out customers, targeting at freeze', () => {
  let harness: CampaignsHarness;
  let smtp: LoopbackSmtpServer;
  let marketer: string;
  let segmentId: string;

  const http = () => harness.http();
  const post = (path: string, body: object = {}, auth = marketer) =>
    http().post(path).set('Authorization', auth).send(body);
  const put = (path: string, body: object, auth = marketer) =>
    http().put(path).set('Authorization', auth).send(body);
  const get = (path: string, auth = marketer) => http().get(path).set('Authorization', auth);

  const createCampaign = async (body: Record<string, unknown>) =>
    (
      await post('/campaigns', {
        name: 'scored',
        channel: 'email',
        segmentId,
        template: TEMPLATE,
        ...body,
      }).expect(201)
    ).body.id as string;

  const sendAndWait = async (campaignId: string) => {
    await post(`/campaigns/${campaignId}/schedule`).expect(200);
    await eventually(async () => {
      const { body } = await get(`/campaigns/${campaignId}/progress`);
      expect(body.status).toBe('sent');
    }, 120_000);
  };

  /** Call-center replies to the campaign from these customers; resolves once all are recorded. */
  const reply = async (campaignId: string, customers: CustomerState[]) => {
    for (const customer of customers) {
      const interactionId = randomUUID();
      await harness.publish(InteractionRecorded, interactionId, {
        interactionId,
        customerId: customer.customerId,
        channel: 'phone',
        direction: 'outbound',
        agentId: 'u-agent',
        subject: 'Campaign answer',
        notes: null,
        outcome: 'interested',
        durationSeconds: 60,
        occurredAt: new Date().toISOString(),
        campaignId,
      });
    }
    await eventually(async () => {
      const [row] = await harness.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM campaigns.campaign_response WHERE campaign_id = $1 AND kind = 'replied'`,
        [campaignId],
      );
      expect(row.n).toBe(customers.length);
    }, 60_000);
  };

  /** A past campaign of the objective sent to everyone, answered (call-center replies) by those `answers` picks. */
  const pastCampaign = async (objective: string, answers: (member: Member, i: number) => boolean) => {
    const campaignId = await createCampaign({ objective });
    await sendAndWait(campaignId);
    await reply(
      campaignId,
      population.filter(answers).map((member) => member.customer),
    );
  };

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
    for (const { customer, recentService } of population) {
      await harness.publish(CustomerRegistered, customer.customerId, customer);
      const repair = repairRecorded(customer.customerId, monthsAgo(recentService ? 1 : 30));
      await harness.publish(RepairRecorded, repair.repairId, repair);
    }
    await eventually(async () => {
      const [row] = await harness.query<{ customers: number; serviced: number }>(
        `SELECT (SELECT count(*)::int FROM campaigns.customer) AS customers,
                (SELECT count(*)::int FROM campaigns.customer_service) AS serviced`,
      );
      expect(row).toEqual({ customers: POPULATION, serviced: POPULATION });
    }, 60_000);
    segmentId = (
      await post('/segments', { name: 'Hangzhou', rule: { field: 'city', in: ['杭州市'] } }).expect(201)
    ).body.id;
    await pastCampaign('service-reminder', answersReminder);
    await pastCampaign('accessories', answersAccessories);
  }, 600_000);

  afterAll(async () => {
    await harness?.stop();
    await smtp?.stop();
  });

  describe('a service-reminder model, trained where responders were serviced recently', () => {
    let model: {
      [key: string]: unknown;
      topFeatures: { feature: string; contribution: number }[];
      auc: number;
      trainCount: number;
      heldOutCount: number;
      positives: number;
    };

    beforeAll(async () => {
      model = (await post('/campaign-models/service-reminder/train').expect(201)).body;
    }, 120_000);

    it('separates the held-out customers it never saw: AUC well above chance', () => {
      expect(model).toMatchObject({ objective: 'service-reminder', version: 1, trainedBy: 'u-marketer' });
      expect(model.trainCount + model.heldOutCount).toBe(POPULATION);
      expect(model.heldOutCount).toBeGreaterThan(POPULATION * 0.1);
      expect(model.positives).toBe(population.filter(answersReminder).length);
      expect(model.auc).toBeGreaterThan(0.7);
    });

    it('names months since the last service as its top feature, lowering the score', () => {
      expect(model.topFeatures[0]).toMatchObject({ feature: 'monthsSinceService', direction: 'lowers' });
      expect(model.topFeatures[0].contribution).toBeLessThan(0);
    });

    it('is the model in use until the next training, which stores version 2', async () => {
      expect((await get('/campaign-models/service-reminder').expect(200)).body).toEqual(model);
      const retrained = (await post('/campaign-models/service-reminder/train').expect(201)).body;
      expect(retrained.version).toBe(2);
      expect((await get('/campaign-models/service-reminder').expect(200)).body.version).toBe(2);
    });

    it('scores one customer 0-100 and explains it: the recent service raises it', async () => {
      const recent = (
        await get(`/campaign-models/service-reminder/customers/${fixedUuid(0)}/score`).expect(200)
      ).body;
      const stale = (
        await get(`/campaign-models/service-reminder/customers/${fixedUuid(1)}/score`).expect(200)
      ).body;
      expect(recent.score).toBeGreaterThan(stale.score);
      expect(recent.score).toBeLessThanOrEqual(100);
      expect(stale.score).toBeGreaterThanOrEqual(0);
      expect(recent.reasons).toHaveLength(3);
      expect(recent.reasons[0]).toMatchObject({ feature: 'monthsSinceService', direction: 'raises' });
      expect(stale.reasons[0]).toMatchObject({ feature: 'monthsSinceService', direction: 'lowers' });
    });

    it("ranks a segment's members best first, paged, and audits who saw them", async () => {
      const first = (
        await get(`/campaign-models/service-reminder/segments/${segmentId}/scores?limit=100`).expect(200)
      ).body;
      expect(first.total).toBe(POPULATION);
      const scores = first.items.map((item: { score: number }) => item.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const second = (
        await get(
          `/campaign-models/service-reminder/segments/${segmentId}/scores?limit=100&offset=100`,
        ).expect(200)
      ).body;
      expect(second.items[0].score).toBeLessThanOrEqual(scores[99]);
      const [audit] = await harness.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM campaigns.read_audit WHERE action = 'segment.scores' AND entity_id = $1`,
        [segmentId],
      );
      expect(audit.n).toBe(2);
    });

    describe('retrained by its schedule', () => {
      let retraining: PropensityRetrainingService;
      const path = '/campaign-models/service-reminder/retraining';
      const status = async () => (await get(path).expect(200)).body;

      beforeAll(async () => {
        // The loop would race the passes driven here.
        await harness.app.get(PropensityRetrainingLoop).onApplicationShutdown();
        retraining = harness.app.get(PropensityRetrainingService);
      });

      it('stores the schedule and retrains nothing before enough new responders arrived', async () => {
        const { body } = await put(path, { enabled: true, everyHours: 1, minNewResponses: 5 }).expect(200);
        expect(body).toMatchObject({
          objective: 'service-reminder',
          enabled: true,
          everyHours: 1,
          minNewResponses: 5,
        });
        expect(await retraining.retrainDue()).toEqual([]);
        const looked = await status();
        expect(looked.setting.lastCheckedAt).not.toBeNull();
        expect(looked.runs).toEqual([]);
        expect((await get('/campaign-models/service-reminder').expect(200)).body.version).toBe(2);
      });

      it('once due and past the threshold, trains a candidate and adopts it only if its AUC is not worse', async () => {
        const campaignId = await createCampaign({ objective: 'service-reminder' });
        await sendAndWait(campaignId);
        const fresh = population.filter((member, i) => answersReminder(member, i)).slice(0, 30);
        await reply(
          campaignId,
          fresh.map((member) => member.customer),
        );
        // Not due again within the hour, however many responses arrived.
        expect(await retraining.retrainDue()).toEqual([]);
        await harness.query(
          `UPDATE campaigns.propensity_retraining SET last_checked_at = last_checked_at - interval '2 hours'`,
        );
        const [run] = await retraining.retrainDue();
        expect(run).toMatchObject({ objective: 'service-reminder', previousVersion: 2 });
        expect(run.previousAuc).toBeGreaterThan(0.5);
        expect(run.adoptedVersion).toBe(run.candidateAuc >= run.previousAuc! ? 3 : null);
        const inUse = (await get('/campaign-models/service-reminder').expect(200)).body;
        expect(inUse.version).toBe(run.adoptedVersion ?? 2);
        expect((await status()).runs).toEqual([run]);
      }, 300_000);

      it('answers a bad schedule with 400 naming the field, and a partner with 403', async () => {
        const { status: code, body } = await put(path, { enabled: true, everyHours: 0, minNewResponses: 5 });
        expect(code).toBe(400);
        expect(JSON.stringify(body)).toContain('everyHours');
        const dealer = await harness.auth({
          sub: 'u-dealer',
          roles: [Roles.dealer],
          partnerId: '00000000-0000-4000-8000-000000000001',
          partnerKind: Roles.dealer,
        });
        await put(path, { enabled: false, everyHours: 1, minNewResponses: 5 }, dealer).expect(403);
        await get(path, dealer).expect(403);
      });
    });

    it('cut to the top 10 at send time, a campaign freezes exactly the 10 best-scored members', async () => {
      const ranked = (
        await get(`/campaign-models/service-reminder/segments/${segmentId}/scores?limit=100`).expect(200)
      ).body.items as { customerId: string; score: number }[];
      const campaignId = await createCampaign({ objective: 'service-reminder', targeting: { topN: 10 } });
      expect((await get(`/campaigns/${campaignId}`).expect(200)).body.targeting).toEqual({
        objective: 'service-reminder',
        topN: 10,
      });
      await sendAndWait(campaignId);
      const frozen = await harness.query<{ customer_id: string }>(
        `SELECT customer_id FROM campaigns.campaign_recipient WHERE campaign_id = $1 ORDER BY customer_id`,
        [campaignId],
      );
      expect(frozen.map((row) => row.customer_id)).toEqual(
        ranked
          .slice(0, 10)
          .map((item) => item.customerId)
          .sort(),
      );
      const recentlyServiced = new Set(
        population.filter((member) => member.recentService).map((member) => member.customer.customerId),
      );
      expect(frozen.every((row) => recentlyServiced.has(row.customer_id))).toBe(true);
    }, 150_000);
  });

  it('learns nothing from labels that are a coin toss: held-out AUC near a half', async () => {
    const model = (await post('/campaign-models/accessories/train').expect(201)).body;
    expect(model.positives).toBe(population.filter(answersAccessories).length);
    expect(model.auc).toBeGreaterThan(0.35);
    expect(model.auc).toBeLessThan(0.65);
  }, 120_000);

  it('refuses to train an objective without enough past responses: 409 problem+json with the counts', async () => {
    const { status, body, headers } = await post('/campaign-models/event-invitation/train');
    expect(status).toBe(409);
    expect(headers['content-type']).toContain('application/problem+json');
    expect(body).toMatchObject({ positives: 0, negatives: 0, required: 20 });
    await get('/campaign-models/event-invitation').expect(404);
  });

  it('refuses to schedule a campaign targeted by a model not trained yet', async () => {
    const campaignId = await createCampaign({ objective: 'retention', targeting: { minScore: 50 } });
    const { status, body } = await post(`/campaigns/${campaignId}/schedule`);
    expect(status).toBe(409);
    expect(body.detail).toContain('retention');
  });

  it('defaults a campaign to the service-reminder objective and no targeting', async () => {
    const { body } = await get(`/campaigns/${await createCampaign({})}`).expect(200);
    expect(body).toMatchObject({ objective: 'service-reminder', targeting: null });
  });

  it.each([
    ['objective', { objective: 'newsletter' }],
    ['targeting.topN', { targeting: { topN: 0 } }],
    ['targeting.minScore', { targeting: { minScore: 101 } }],
    ['targeting.objective', { targeting: { objective: 'newsletter', topN: 5 } }],
    ['targeting', { targeting: {} }],
  ])('answers a bad %s with 400 naming it', async (field, change) => {
    const { status, body } = await post('/campaigns', {
      name: 'bad',
      channel: 'email',
      segmentId,
      template: TEMPLATE,
      ...change,
    });
    expect(status).toBe(400);
    expect(body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('answers an unknown objective in the path with 400 naming it', async () => {
    const { status, body } = await post('/campaign-models/newsletter/train');
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('objective');
  });

  it.each([Roles.dealer, Roles.repairStation])(
    'a partner (%s) gets 403 on every model route',
    async (role) => {
      const auth = await harness.auth({
        sub: `u-${role}`,
        roles: [role],
        partnerId: '00000000-0000-4000-8000-000000000001',
        partnerKind: role,
      });
      await post('/campaign-models/service-reminder/train', {}, auth).expect(403);
      await get('/campaign-models/service-reminder', auth).expect(403);
      await get(`/campaign-models/service-reminder/segments/${segmentId}/scores`, auth).expect(403);
      await get(`/campaign-models/service-reminder/customers/${fixedUuid(0)}/score`, auth).expect(403);
    },
  );
});
