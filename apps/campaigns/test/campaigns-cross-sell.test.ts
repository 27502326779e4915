import { randomUUID } from 'node:crypto';
import {
  CustomerErased,
  EventEnvelope,
  NextBestOfferChanged,
  OrderPlaced,
  PayloadOf,
  Roles,
  VehicleRegistered,
} from '@crm/contracts';
import { eventually } from '@crm/testing';
import { orderPlaced } from './activity-fixture';
import { CampaignsHarness } from './campaigns.harness';
import { vehicleState } from './customer-fixture';

const AURORA = 'Aurora S7';
const NOVA = 'Nova E3';
const LUNA = 'Luna M2';
const TERRA = 'Terra X5';
const AT = '2026-10-01T00:00:00.000Z';

type OfferEvent = EventEnvelope<PayloadOf<typeof NextBestOfferChanged>>;

/**
 * Ten customers (baskets): five own Aurora, four of them Nova too, two of those Luna as well; five others own only
 * Terra. So Aurora -> Nova has support 4/10, confidence 4/5 and lift (4 x 10) / (5 x 4) = 2.
 */
describe('campaigns cross-sell: association rules and next best offers (next-best-offer.changed)', () => {
  let harness: CampaignsHarness;
  let marketer: string;
  const customers = Array.from({ length: 10 }, () => randomUUID());
  const [withLuna1, withLuna2, withNova1, withNova2, auroraOnly] = customers;

  const applied = (event: EventEnvelope, groups = 1) =>
    eventually(async () =>
      expect(
        await harness.query(`SELECT 1 FROM campaigns.processed_event WHERE event_id = $1`, [event.id]),
      ).toHaveLength(groups),
    );
  const order = async (customerId: string, models: string[]) => {
    const placed = orderPlaced(customerId, models, AT);
    await applied(await harness.publish(OrderPlaced, placed.orderId, placed));
  };
  const recompute = async () =>
    (await harness.http().post('/cross-sell/recompute').set('authorization', marketer).expect(200)).body;
  const offerEvents = async (customerId?: string) =>
    ((await harness.outbox(NextBestOfferChanged.type)) as OfferEvent[]).filter(
      (event) => !customerId || event.aggregateId === customerId,
    );
  const offerOf = (customerId: string) =>
    harness.http().get(`/cross-sell/customers/${customerId}/next-best-offer`).set('authorization', marketer);

  beforeAll(async () => {
    harness = await CampaignsHarness.start({
      campaigns: {
        CAMPAIGNS_CROSS_SELL_MIN_SUPPORT: 0.1,
        CAMPAIGNS_CROSS_SELL_MIN_CONFIDENCE: 0.3,
        CAMPAIGNS_CROSS_SELL_MIN_LIFT: 1.1,
        CAMPAIGNS_CROSS_SELL_RECOMPUTE_MINUTES: 'off',
      },
    });
    marketer = await harness.auth({ roles: [Roles.marketer] });
    // The owned vehicle counts as a product of the basket like an ordered one.
    const car = vehicleState(withLuna1, AURORA, '2025-01-01');
    await applied(await harness.publish(VehicleRegistered, car.vehicleId, car));
    await order(withLuna1, [NOVA, LUNA]);
    await order(withLuna2, [AURORA, NOVA, LUNA]);
    await order(withNova1, [AURORA]);
    await order(withNova1, [NOVA]);
    await order(withNova2, [AURORA, NOVA]);
    await order(auroraOnly, [AURORA]);
    for (const customerId of customers.slice(5)) await order(customerId, [TERRA]);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('mines the rules with their exact support, confidence and lift, highest lift first', async () => {
    expect(await recompute()).toMatchObject({ baskets: 10, rules: 6, offerChanges: 3 });
    const { body } = await harness
      .http()
      .get('/cross-sell/rules?limit=20')
      .set('authorization', marketer)
      .expect(200);
    const measures = (rule: Record<string, unknown>) => [
      rule.antecedent,
      rule.consequent,
      rule.support,
      rule.confidence,
      rule.lift,
      rule.score,
    ];
    expect(body.items.map(measures)).toEqual([
      [LUNA, NOVA, 0.2, 1, 2.5, 2.5],
      [NOVA, LUNA, 0.2, 0.5, 2.5, 1.25],
      [LUNA, AURORA, 0.2, 1, 2, 2],
      [NOVA, AURORA, 0.4, 1, 2, 2],
      [AURORA, NOVA, 0.4, 0.8, 2, 1.6],
      [AURORA, LUNA, 0.2, 0.4, 2, 0.8],
    ]);
    expect(body.items[4]).toMatchObject({
      bothCustomers: 4,
      antecedentCustomers: 5,
      consequentCustomers: 4,
      baskets: 10,
    });
    expect(body).toMatchObject({ total: 6, limit: 20, offset: 0, computedAt: expect.any(String) });
  });

  it('offers an Aurora owner without Nova the Nova, with the reason, in exactly one event', async () => {
    const { body } = await offerOf(auroraOnly).expect(200);
    expect(body).toEqual({
      customerId: auroraOnly,
      product: NOVA,
      basedOn: AURORA,
      reason: 'owners of Aurora S7 often buy Nova E3: confidence 80%, lift 2.0',
      score: 1.6,
      confidence: 0.8,
      lift: 2,
      since: expect.any(String),
    });
    const events = await offerEvents(auroraOnly);
    expect(events.map((event) => event.payload)).toEqual([
      {
        customerId: auroraOnly,
        offer: { product: NOVA, basedOn: AURORA, reason: body.reason, score: 1.6, confidence: 0.8, lift: 2 },
        changedAt: body.since,
      },
    ]);
    // Owners of Aurora and Nova are offered Luna; owners of all three, or of Terra alone, nothing.
    expect((await offerOf(withNova1).expect(200)).body).toMatchObject({ product: LUNA, basedOn: NOVA });
    await offerOf(withLuna1).expect(404);
    await offerOf(customers[9]).expect(404);
    expect((await offerEvents()).map((event) => event.aggregateId).sort()).toEqual(
      [withNova1, withNova2, auroraOnly].sort(),
    );
  });

  it('publishes nothing when a recompute changes no offered product', async () => {
    const before = await offerEvents();
    expect(await recompute()).toMatchObject({ rules: 6, offerChanges: 0 });
    expect(await offerEvents()).toEqual(before);
  });

  it('moves the offer once the customer buys the offered product (one event), leaving the others', async () => {
    const { body: was } = await offerOf(withNova1).expect(200);
    await order(auroraOnly, [NOVA]);
    expect(await recompute()).toMatchObject({ baskets: 10, offerChanges: 1 });
    const { body } = await offerOf(auroraOnly).expect(200);
    // Aurora -> Luna and Nova -> Luna now score alike (0.4 x 2): the first antecedent by name explains it.
    expect(body).toMatchObject({
      product: LUNA,
      basedOn: AURORA,
      reason: 'owners of Aurora S7 often buy Luna M2: confidence 40%, lift 2.0',
    });
    expect((await offerEvents(auroraOnly)).map((event) => event.payload.offer?.product)).toEqual([
      NOVA,
      LUNA,
    ]);
    // Still offered Luna: kept as published, reason and since included.
    expect((await offerOf(withNova1).expect(200)).body).toEqual(was);
    expect(await offerEvents(withNova1)).toHaveLength(1);
  });

  it("forgets an erased customer's offer and never announces it again", async () => {
    await harness.publish(CustomerErased, withNova2, {
      customerId: withNova2,
      erasedAt: new Date().toISOString(),
    });
    // Gone with the cross-sell consumer's tombstone, so a recompute leaves them out whatever the order replica did.
    await eventually(async () => {
      await offerOf(withNova2).expect(404);
    });
    await recompute();
    expect(await offerEvents(withNova2)).toHaveLength(1);
  });

  describe('access and input', () => {
    it.each([Roles.dealer, Roles.repairStation])('a partner (%s) gets 403', async (role) => {
      const auth = await harness.auth({
        sub: `u-${role}`,
        roles: [role],
        partnerId: '00000000-0000-4000-8000-000000000001',
        partnerKind: role,
      });
      await harness.http().get('/cross-sell/rules').set('authorization', auth).expect(403);
      await harness.http().post('/cross-sell/recompute').set('authorization', auth).expect(403);
      await harness
        .http()
        .get(`/cross-sell/customers/${auroraOnly}/next-best-offer`)
        .set('authorization', auth)
        .expect(403);
    });

    it.each([Roles.salesManager, Roles.serviceManager])('a manager (%s) may read the rules', async (role) => {
      const auth = await harness.auth({ sub: `u-${role}`, roles: [role] });
      await harness.http().get('/cross-sell/rules').set('authorization', auth).expect(200);
    });

    it('answers bad input with 400 naming the field', async () => {
      const { body } = await harness
        .http()
        .get('/cross-sell/rules?limit=0')
        .set('authorization', marketer)
        .expect(400);
      expect(JSON.stringify(body)).toContain('limit');
      await harness
        .http()
        .get('/cross-sell/customers/not-a-uuid/next-best-offer')
        .set('authorization', marketer)
        .expect(400);
    });
  });
});
