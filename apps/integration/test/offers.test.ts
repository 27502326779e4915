import { randomUUID } from 'node:crypto';
import {
  ALL_QUALITY_TYPES,
  CustomerErased,
  CustomerMerged,
  CustomerValueTierChanged,
  EventEnvelope,
  OfferState,
  RepairRecorded,
  Role,
  ValueTier,
} from '@crm/contracts';
import { FixedClock } from '@crm/core';
import { eventually } from '@crm/testing';
import { OfferScheduler } from '../src/offers/offer-scheduler';
import { IntegrationHarness } from './integration.harness';

const DAY_MS = 86_400_000;

describe('offers to billing (integration)', () => {
  let harness: IntegrationHarness;
  const clock = new FixedClock(new Date('2026-11-30T08:00:00.000Z'));
  let ruleId: string;

  beforeAll(async () => {
    harness = await IntegrationHarness.start({ clock, offers: { backgroundJobs: false } });
    ruleId = (await createRule()).ruleId;
  });
  afterAll(() => harness?.stop());

  const as = (roles: Role[], partnerId?: string) =>
    harness.auth({ roles, partnerId, partnerKind: partnerId ? 'dealer' : undefined });
  const goldRule = {
    name: 'Gold, quiet for a year',
    tier: 'gold',
    monthsSinceService: 12,
    title: '20% off your next inspection',
    kind: 'percent-off',
    value: 20,
    appliesTo: 'inspection',
    validityDays: 90,
  };
  async function createRule(body: object = goldRule): Promise<{ ruleId: string }> {
    const res = await harness
      .http()
      .post('/offers/rules')
      .set('Authorization', await as(['admin']))
      .send(body)
      .expect(201);
    return res.body;
  }

  const handled = (event: EventEnvelope) =>
    eventually(async () =>
      expect(
        await harness.query(
          `SELECT 1 FROM integration.processed_event WHERE consumer LIKE '%offer-rules'
            AND event_id = $1`,
          [event.id],
        ),
      ).toHaveLength(1),
    );
  async function tier(customerId: string, value: ValueTier, computedAt = clock.now().toISOString()) {
    const event = await harness.publish(CustomerValueTierChanged, customerId, {
      customerId,
      tier: value,
      previousTier: null,
      value: 120_000,
      currency: 'CNY',
      computedAt,
    });
    await handled(event);
    return event;
  }
  async function repaired(customerId: string, repairedAt: string) {
    const repairId = randomUUID();
    const event = await harness.publish(RepairRecorded, repairId, {
      repairId,
      ticketId: randomUUID(),
      ticketNumber: 'T-1',
      customerId,
      vehicleId: null,
      vin: null,
      stationId: randomUUID(),
      stationName: 'Station',
      qualityType: ALL_QUALITY_TYPES[0],
      severity: 'low',
      workDone: 'inspection',
      parts: [],
      cost: { amount: 100, currency: 'CNY' },
      technician: 'Wang',
      repairedAt,
    });
    await handled(event);
  }
  const granted = async (customerId: string) =>
    (await harness.outbox('offer.granted')).filter(
      (e) => (e.payload as OfferState).customerId === customerId,
    ) as EventEnvelope<OfferState>[];
  const monthsAgo = (months: number) => new Date(clock.now().getTime() - months * 31 * DAY_MS).toISOString();

  it('grants a gold customer with no recent service visit one offer; a duplicate tier event grants nothing new', async () => {
    const customerId = randomUUID();
    await repaired(customerId, monthsAgo(13));
    await tier(customerId, 'gold');
    const first = await granted(customerId);
    expect(first).toHaveLength(1);
    expect(first[0].payload).toMatchObject({
      ruleId,
      customerId,
      kind: 'percent-off',
      value: 20,
      currency: null,
      appliesTo: 'inspection',
      reason: 'gold tier, no service visit for 12 months',
      validUntil: new Date(clock.now().getTime() + 90 * DAY_MS).toISOString(),
    });
    expect(first[0].aggregateId).toBe(first[0].payload.offerId);
    await tier(customerId, 'gold');
    await harness.app.get(OfferScheduler).runPass();
    expect(await granted(customerId)).toHaveLength(1);
  });

  it('grants nothing to a customer seen at the station within the months, nor in another tier', async () => {
    const recent = randomUUID();
    await repaired(recent, monthsAgo(3));
    await tier(recent, 'gold');
    const silver = randomUUID();
    await tier(silver, 'iron');
    await harness.app.get(OfferScheduler).runPass();
    expect(await granted(recent)).toEqual([]);
    expect(await granted(silver)).toEqual([]);
  });

  it('grants on the schedule once time alone makes the customer match', async () => {
    const customerId = randomUUID();
    await repaired(customerId, monthsAgo(11));
    await tier(customerId, 'gold');
    expect(await granted(customerId)).toEqual([]);
    clock.advance(62 * DAY_MS);
    const { granted: added } = await harness.app.get(OfferScheduler).runPass();
    expect(added).toBeGreaterThanOrEqual(1);
    expect(await granted(customerId)).toHaveLength(1);
  });

  it('lets billing acknowledge once (offer.applied), answers the same offer again, 404 for an unknown one', async () => {
    const customerId = randomUUID();
    await tier(customerId, 'gold');
    const [offer] = await granted(customerId);
    const billing = await as(['billing']);
    const ack = () =>
      harness
        .http()
        .post(`/offers/${offer.payload.offerId}/applied`)
        .set('Authorization', billing)
        .send({ reference: 'INV-1' });
    const first = await ack().expect(200);
    expect(first.body).toMatchObject({ status: 'applied', reference: 'INV-1' });
    const again = await ack().expect(200);
    expect(again.body.appliedAt).toBe(first.body.appliedAt);
    const applied = (await harness.outbox('offer.applied')).filter(
      (e) => e.aggregateId === offer.payload.offerId,
    );
    expect(applied).toHaveLength(1);
    const unknown = await harness
      .http()
      .post(`/offers/${randomUUID()}/applied`)
      .set('Authorization', billing)
      .send({})
      .expect(404);
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
  });

  it('refuses acknowledgements and rules to other callers (403) and names bad rule fields (400)', async () => {
    const customerId = randomUUID();
    await tier(customerId, 'gold');
    const [offer] = await granted(customerId);
    for (const token of [await as(['agent']), await as(['dealer'], randomUUID()), await as(['marketer'])])
      await harness
        .http()
        .post(`/offers/${offer.payload.offerId}/applied`)
        .set('Authorization', token)
        .send({})
        .expect(403);
    await harness
      .http()
      .post('/offers/rules')
      .set('Authorization', await as(['billing']))
      .send(goldRule)
      .expect(403);
    const bad = async (body: object, field: string) => {
      const res = await harness
        .http()
        .post('/offers/rules')
        .set('Authorization', await as(['admin']))
        .send({ ...goldRule, ...body })
        .expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(JSON.stringify(res.body)).toContain(field);
    };
    await bad({ tier: 'diamond' }, 'tier');
    await bad({ monthsSinceService: -1 }, 'monthsSinceService');
    await bad({ kind: 'free-car' }, 'kind');
    await bad({ value: 120 }, 'value');
    await bad({ kind: 'amount-off', value: 200 }, 'currency');
    await bad({ validityDays: 0 }, 'validityDays');
  });

  it('ends offers past their validity with offer.expired, after which the customer may be granted again', async () => {
    const customerId = randomUUID();
    await tier(customerId, 'gold');
    const [offer] = await granted(customerId);
    clock.advance(91 * DAY_MS);
    await harness.app.get(OfferScheduler).runPass();
    const expired = (await harness.outbox('offer.expired')).filter(
      (e) => e.aggregateId === offer.payload.offerId,
    );
    expect(expired.map((e) => (e.payload as { why: string }).why)).toEqual(['validity-ended']);
    await harness
      .http()
      .post(`/offers/${offer.payload.offerId}/applied`)
      .set('Authorization', await as(['billing']))
      .send({})
      .expect(409);
    expect(await granted(customerId)).toHaveLength(2);
  });

  it("ends a merged-away customer's offer and keeps the latest service visit for the survivor", async () => {
    const survivor = randomUUID();
    const merged = randomUUID();
    await tier(merged, 'gold');
    const [offer] = await granted(merged);
    await tier(survivor, 'gold');
    await repaired(merged, clock.now().toISOString());
    const merge = await harness.publish(CustomerMerged, survivor, {
      survivorId: survivor,
      mergedId: merged,
      movedVehicleIds: [],
      survivor: {
        customerId: survivor,
        kind: 'person',
        name: '李四',
        namePinyin: 'li si',
        phones: [],
        emails: [],
        address: null,
        birthday: null,
        gender: null,
        tags: [],
        ownerSalesRepId: null,
        consents: [],
      },
    });
    await handled(merge);
    const ended = (await harness.outbox('offer.expired')).filter(
      (e) => e.aggregateId === offer.payload.offerId,
    );
    expect(ended.map((e) => (e.payload as { why: string }).why)).toEqual(['customer-merged']);
    expect(
      await harness.query(`SELECT customer_id FROM integration.offer_customer WHERE customer_id = ANY($1)`, [
        [survivor, merged],
      ]),
    ).toEqual([{ customer_id: survivor }]);
  });

  it("forgets an erased customer's inputs and offers", async () => {
    const customerId = randomUUID();
    await tier(customerId, 'gold');
    expect(await granted(customerId)).toHaveLength(1);
    const erasure = await harness.publish(CustomerErased, customerId, {
      customerId,
      erasedAt: clock.now().toISOString(),
    });
    await handled(erasure);
    const rows = (table: string) =>
      harness.query(`SELECT 1 FROM integration.${table} WHERE customer_id = $1`, [customerId]);
    expect(await rows('offer_grant')).toEqual([]);
    expect(await rows('offer_customer')).toEqual([]);
  });

  describe('withdrawal when a rule is disabled or deleted (ADR 0054)', () => {
    const admin = () => as(['admin']);
    const platinumRule = { ...goldRule, name: 'Platinum', tier: 'platinum', monthsSinceService: 0 };
    const offerOf = async (customerId: string, rule: string) =>
      (await granted(customerId)).find((e) => e.payload.ruleId === rule)!.payload.offerId;
    const withdrawn = async (offerIds: string[]) =>
      (await harness.outbox('offer.withdrawn')).filter((e) => offerIds.includes(e.aggregateId));
    const acknowledge = async (offerId: string) =>
      harness
        .http()
        .post(`/offers/${offerId}/applied`)
        .set('Authorization', await as(['billing']))
        .send({});
    const disable = async (rule: string) =>
      harness
        .http()
        .put(`/offers/rules/${rule}`)
        .set('Authorization', await admin())
        .send({ ...platinumRule, enabled: false })
        .expect(200);

    it("withdraws a disabled rule's offers not yet applied, once; an applied one stays applied", async () => {
      const rule = (await createRule({ ...platinumRule, title: 'disable me' })).ruleId;
      const [applied, pending] = [randomUUID(), randomUUID()];
      await tier(applied, 'platinum');
      await tier(pending, 'platinum');
      const [appliedOffer, pendingOffer] = [await offerOf(applied, rule), await offerOf(pending, rule)];
      expect((await acknowledge(appliedOffer)).status).toBe(200);

      await disable(rule);
      await disable(rule);
      const events = await withdrawn([appliedOffer, pendingOffer]);
      expect(events.map((e) => [e.aggregateId, (e.payload as { why: string }).why])).toEqual([
        [pendingOffer, 'rule-disabled'],
      ]);
      const late = await acknowledge(pendingOffer);
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ offerStatus: 'withdrawn' });
      const billing = await as(['billing']);
      const view = (id: string) => harness.http().get(`/offers/${id}`).set('Authorization', billing);
      expect((await view(appliedOffer).expect(200)).body.status).toBe('applied');
      expect((await view(pendingOffer).expect(200)).body.status).toBe('withdrawn');
    });

    it("withdraws a deleted rule's offers; the rule is gone (404), a second delete too", async () => {
      const rule = (await createRule({ ...platinumRule, title: 'delete me' })).ruleId;
      const customerId = randomUUID();
      await tier(customerId, 'platinum');
      const offerId = await offerOf(customerId, rule);
      const remove = async () =>
        harness
          .http()
          .delete(`/offers/rules/${rule}`)
          .set('Authorization', await admin());
      expect((await remove()).status).toBe(204);
      const events = await withdrawn([offerId]);
      expect(events.map((e) => (e.payload as { why: string }).why)).toEqual(['rule-deleted']);
      expect((await remove()).status).toBe(404);
      await harness
        .http()
        .get(`/offers/rules/${rule}`)
        .set('Authorization', await admin())
        .expect(404);
      const billing = await as(['billing']);
      await harness.http().delete(`/offers/rules/${randomUUID()}`).set('Authorization', billing).expect(403);
      await tier(randomUUID(), 'platinum');
      expect(
        (await harness.outbox('offer.granted')).filter((e) => (e.payload as OfferState).ruleId === rule),
      ).toHaveLength(1);
    });

    it('resolves an acknowledgement racing the withdrawal: whoever locks the offer first wins, never both', async () => {
      const rule = (await createRule({ ...platinumRule, title: 'race' })).ruleId;
      const customers = Array.from({ length: 8 }, () => randomUUID());
      for (const customerId of customers) await tier(customerId, 'platinum');
      const offers = await Promise.all(customers.map((c) => offerOf(c, rule)));
      const [acks] = await Promise.all([
        Promise.all(offers.map(async (id) => (await acknowledge(id)).status)),
        disable(rule),
      ]);
      const withdrawnIds = new Set((await withdrawn(offers)).map((e) => e.aggregateId));
      const appliedIds = new Set(
        (await harness.outbox('offer.applied'))
          .filter((e) => offers.includes(e.aggregateId))
          .map((e) => e.aggregateId),
      );
      offers.forEach((offerId, i) => {
        expect(acks[i] === 200 ? 'applied' : 'withdrawn').toBe(
          appliedIds.has(offerId) ? 'applied' : 'withdrawn',
        );
        expect(withdrawnIds.has(offerId)).toBe(!appliedIds.has(offerId));
        expect([200, 409]).toContain(acks[i]);
      });
      const statuses = await harness.query<{ status: string }>(
        `SELECT status FROM integration.offer_grant WHERE offer_id = ANY($1)`,
        [offers],
      );
      expect(statuses.map((r) => r.status).sort()).toEqual(
        offers.map((id) => (appliedIds.has(id) ? 'applied' : 'withdrawn')).sort(),
      );
    });
  });
});
