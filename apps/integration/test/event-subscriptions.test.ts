import { randomUUID } from 'node:crypto';
import { CustomerErased, PartnerKind, Role, SubscriptionPaused, VehicleRegistered } from '@crm/contracts';
import { FixedClock } from '@crm/core';
import { eventually } from '@crm/testing';
import { EventLogRetention } from '../src/subscriptions/event-log-retention';
import { SubscriptionDispatcher } from '../src/subscriptions/subscription.dispatcher';
import { IntegrationHarness } from './integration.harness';
import { SubscriberReceiver } from './subscriber-receiver';

const DEALER_A = randomUUID();
const DEALER_B = randomUUID();
const PAUSE_AFTER_FAILURES = 3;
const PAUSE_AFTER_MS = 60_000;

describe('event subscriptions (integration)', () => {
  let harness: IntegrationHarness;
  let receiver: SubscriberReceiver;
  const clock = new FixedClock(new Date());

  beforeAll(async () => {
    receiver = await SubscriberReceiver.start();
    harness = await IntegrationHarness.start({
      clock,
      subscriptions: {
        backgroundJobs: false,
        pauseAfterFailures: PAUSE_AFTER_FAILURES,
        pauseAfterMs: PAUSE_AFTER_MS,
        targets: { allowHttp: true, allowPrivateTargets: true, deniedHosts: ['crm.example.com'] },
      },
    });
  });
  afterAll(async () => {
    await harness?.stop();
    await receiver?.stop();
  });

  const as = (roles: Role[], partnerId?: string, partnerKind: PartnerKind = 'dealer') =>
    harness.auth({ roles, partnerId, partnerKind: partnerId ? partnerKind : undefined });
  const asDealer = (dealerId: string) => as(['dealer'], dealerId);
  const asAdmin = () => as(['admin']);

  async function subscribe(token: string, path: string, body: Record<string, unknown> = {}) {
    const res = await harness
      .http()
      .post('/subscriptions')
      .set('Authorization', token)
      .send({ url: `${receiver.baseUrl}${path}`, eventTypes: ['vehicle.registered'], ...body })
      .expect(201);
    receiver.expectSecret(path, res.body.secret);
    return res.body as { subscriptionId: string; secret: string; partnerId: string | null };
  }

  /** A vehicle sold by `dealerId`, as customer-master publishes it; resolves once integration has consumed it. */
  async function sold(dealerId: string | null, model = 'Aurora S', ownerCustomerId = randomUUID()) {
    const vehicleId = randomUUID();
    const event = await harness.publish(VehicleRegistered, vehicleId, {
      vehicleId,
      vin: `LSVAU${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`,
      brand: 'Aurora',
      model,
      modelYear: 2026,
      purchaseDate: '2026-11-01',
      sellingDealerId: dealerId,
      warrantyEnd: null,
      ownerCustomerId,
    });
    await consumed(event.id);
    return event;
  }

  const consumed = (eventId: string) =>
    eventually(async () => {
      const rows = await harness.query(`SELECT 1 FROM integration.event_log WHERE event_id = $1`, [eventId]);
      expect(rows).toHaveLength(1);
    });
  const loggedAbout = (id: string) =>
    harness.query<{ type: string }>(
      `SELECT type FROM integration.event_log WHERE strpos(envelope::text, $1) > 0 ORDER BY occurred_at`,
      [id],
    );

  const dispatch = () => harness.app.get(SubscriptionDispatcher).dispatchDue();
  const ids = (path: string) => receiver.for(path).map((e) => e.webhookId);

  it('gives each dealer only its own sales and the ERP client all of them, signed, the event id as webhook-id', async () => {
    await subscribe(await asDealer(DEALER_A), '/dealer-a');
    await subscribe(await asDealer(DEALER_B), '/dealer-b');
    await subscribe(await asAdmin(), '/erp');
    const a = await sold(DEALER_A);
    const b = await sold(DEALER_B);
    const unscoped = await sold(null);
    await dispatch();
    expect(ids('/dealer-a')).toEqual([a.id]);
    expect(ids('/dealer-b')).toEqual([b.id]);
    expect(ids('/erp')).toEqual([a.id, b.id, unscoped.id]);
    expect(receiver.received.every((event) => event.signatureValid)).toBe(true);
    expect(receiver.for('/erp')[0].body).toMatchObject({ id: a.id, type: 'vehicle.registered' });
    expect(receiver.for('/erp')[0].body).not.toHaveProperty('actor');
  });

  it('sends only the events that pass the filters', async () => {
    await subscribe(await asAdmin(), '/erp-x', { filters: { model: ['Aurora X'] } });
    await sold(DEALER_A, 'Aurora S');
    const x = await sold(DEALER_B, 'Aurora X');
    await dispatch();
    expect(ids('/erp-x')).toEqual([x.id]);
  });

  it('refuses a partner subscribing for another partner (403), and lets an admin do it', async () => {
    const res = await harness
      .http()
      .post('/subscriptions')
      .set('Authorization', await asDealer(DEALER_A))
      .send({ url: `${receiver.baseUrl}/x`, eventTypes: ['vehicle.registered'], partnerId: DEALER_B })
      .expect(403);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    await harness
      .http()
      .post('/subscriptions')
      .set('Authorization', await as(['agent']))
      .send({ url: `${receiver.baseUrl}/x`, eventTypes: ['vehicle.registered'] })
      .expect(403);
    const forB = await subscribe(await asAdmin(), '/for-b', { partnerId: DEALER_B });
    expect(forB.partnerId).toBe(DEALER_B);
  });

  it("hides another partner's subscription (404) and lists only a partner's own", async () => {
    const own = await subscribe(await asDealer(DEALER_A), '/own-a');
    await harness
      .http()
      .get(`/subscriptions/${own.subscriptionId}`)
      .set('Authorization', await asDealer(DEALER_B))
      .expect(404);
    const list = await harness
      .http()
      .get('/subscriptions')
      .set('Authorization', await asDealer(DEALER_B))
      .expect(200);
    expect(list.body.items.every((s: { partnerId: string }) => s.partnerId === DEALER_B)).toBe(true);
    expect(list.body.items.map((s: { subscriptionId: string }) => s.subscriptionId)).not.toContain(
      own.subscriptionId,
    );
  });

  it.each([
    ['https://crm.example.com/hook', /platform itself/],
    ['not a url', /not a URL/],
  ])('refuses the URL %s with a 400 naming url', async (url, reason) => {
    const res = await harness
      .http()
      .post('/subscriptions')
      .set('Authorization', await asAdmin())
      .send({ url, eventTypes: ['vehicle.registered'] })
      .expect(400);
    expect(res.body.errors).toEqual([{ field: 'url', message: expect.stringMatching(reason) }]);
  });

  it('refuses an unknown event type and a filter on a field no subscribed type has, naming them', async () => {
    const token = await asAdmin();
    const unknown = await harness
      .http()
      .post('/subscriptions')
      .set('Authorization', token)
      .send({ url: `${receiver.baseUrl}/x`, eventTypes: ['vehicle.registered', 'vehicle.teleported'] })
      .expect(400);
    expect(unknown.body.errors).toEqual([
      { field: 'eventTypes[1]', message: expect.stringContaining('"vehicle.teleported"') },
    ]);
    const filter = await harness
      .http()
      .post('/subscriptions')
      .set('Authorization', token)
      .send({
        url: `${receiver.baseUrl}/x`,
        eventTypes: ['vehicle.registered'],
        filters: { region: 'south' },
      })
      .expect(400);
    expect(filter.body.errors).toEqual([{ field: 'filters.region', message: expect.any(String) }]);
  });

  it('catches up after the subscriber was down, every attempt in the delivery log', async () => {
    receiver.answer('/flaky', 503);
    const { subscriptionId } = await subscribe(await asAdmin(), '/flaky');
    const event = await sold(DEALER_A);
    await dispatch();
    expect(ids('/flaky')).toEqual([]);
    receiver.answer('/flaky', 200);
    await dispatch();
    expect(ids('/flaky')).toEqual([]); // the retry is not due yet
    clock.advance(1_000);
    await dispatch();
    expect(ids('/flaky')).toEqual([event.id]);
    const log = await harness
      .http()
      .get(`/subscriptions/${subscriptionId}/deliveries`)
      .set('Authorization', await asAdmin())
      .expect(200);
    expect(log.body.items).toMatchObject([
      {
        webhookId: event.id,
        status: 'delivered',
        attempts: 2,
        history: [
          { attempt: 1, httpStatus: 503, outcome: 'failed' },
          { attempt: 2, httpStatus: 200, outcome: 'delivered' },
        ],
      },
    ]);
  });

  it('pauses a subscriber that stays down, alerts its owner, and catches up in order on resume', async () => {
    receiver.answer('/down', 503);
    const token = await asDealer(DEALER_A);
    const { subscriptionId } = await subscribe(token, '/down');
    const first = await sold(DEALER_A);
    await dispatch(); // attempt 1
    clock.advance(1_000);
    await dispatch(); // attempt 2
    clock.advance(2_000);
    await dispatch(); // attempt 3: enough failures, but over less than T
    const stillActive = await harness
      .http()
      .get(`/subscriptions/${subscriptionId}`)
      .set('Authorization', token);
    expect(stillActive.body).toMatchObject({ status: 'active', consecutiveFailures: 3 });
    clock.advance(PAUSE_AFTER_MS);
    await dispatch(); // attempt 4: failing for longer than T
    const paused = await harness.http().get(`/subscriptions/${subscriptionId}`).set('Authorization', token);
    expect(paused.body).toMatchObject({ status: 'paused', consecutiveFailures: 4, pauseReason: 'HTTP 503' });
    const alerts = await harness.outbox(SubscriptionPaused.type);
    expect(alerts.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        subscriptionId,
        ownerId: DEALER_A,
        partnerId: DEALER_A,
        consecutiveFailures: 4,
      }),
    ]);

    const second = await sold(DEALER_A);
    clock.advance(30_000);
    await dispatch();
    const waiting = await harness.query<{ attempts: number }>(
      `SELECT sum(attempts)::int AS attempts FROM integration.subscription_delivery WHERE subscription_id = $1`,
      [subscriptionId],
    );
    expect(waiting[0].attempts).toBe(4); // no attempt while paused

    receiver.answer('/down', 204);
    const resumed = await harness
      .http()
      .post(`/subscriptions/${subscriptionId}/resume`)
      .set('Authorization', token)
      .expect(200);
    expect(resumed.body).toMatchObject({ status: 'active', consecutiveFailures: 0, pausedAt: null });
    await dispatch();
    expect(ids('/down')).toEqual([first.id, second.id]);
  });

  it('replays from a point in time with the same webhook-ids, and refuses a point outside the retention', async () => {
    const token = await asDealer(DEALER_B);
    const { subscriptionId } = await subscribe(token, '/replayed');
    const mine = await sold(DEALER_B);
    await sold(DEALER_A);
    await dispatch();
    expect(ids('/replayed')).toEqual([mine.id]);
    const replay = await harness
      .http()
      .post(`/subscriptions/${subscriptionId}/replay`)
      .set('Authorization', token)
      .send({ from: mine.occurredAt })
      .expect(200);
    expect(replay.body).toEqual({ enqueued: 1 });
    await dispatch();
    expect(ids('/replayed')).toEqual([mine.id, mine.id]);
    expect(receiver.for('/replayed').every((event) => event.signatureValid)).toBe(true);

    const tooOld = await harness
      .http()
      .post(`/subscriptions/${subscriptionId}/replay`)
      .set('Authorization', token)
      .send({ from: '2020-01-01T00:00:00Z' })
      .expect(400);
    expect(tooOld.body.errors).toEqual([{ field: 'from', message: expect.stringContaining('retention') }]);
  });

  it('rotates the secret: later deliveries verify only with the new one', async () => {
    const token = await asAdmin();
    const { subscriptionId, secret } = await subscribe(token, '/rotated');
    const rotated = await harness
      .http()
      .post(`/subscriptions/${subscriptionId}/secret`)
      .set('Authorization', token)
      .expect(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(secret);
    receiver.expectSecret('/rotated', rotated.body.secret);
    await sold(DEALER_A);
    await dispatch();
    expect(receiver.for('/rotated').map((event) => event.signatureValid)).toEqual([true]);
  });

  it('forgets what the event log kept about an erased customer, keeping the erasure to send', async () => {
    const customerId = randomUUID();
    await sold(DEALER_A, 'Aurora S', customerId);
    expect(await loggedAbout(customerId)).toEqual([{ type: 'vehicle.registered' }]);
    const erasure = await harness.publish(CustomerErased, customerId, {
      customerId,
      erasedAt: new Date().toISOString(),
    });
    await consumed(erasure.id);
    expect(await loggedAbout(customerId)).toEqual([{ type: 'customer.erased' }]);
  });

  // Last: it moves the clock past the retention, beyond the receivers' signature tolerance.
  it('prunes the event log past its retention, and refuses a replay from before it', async () => {
    const { subscriptionId } = await subscribe(await asAdmin(), '/late');
    const event = await sold(DEALER_A);
    clock.advance(7 * 86_400_000 + 60_000);
    expect(await harness.app.get(EventLogRetention).prune()).toBeGreaterThan(0);
    expect(
      await harness.query(`SELECT 1 FROM integration.event_log WHERE event_id = $1`, [event.id]),
    ).toEqual([]);
    await harness
      .http()
      .post(`/subscriptions/${subscriptionId}/replay`)
      .set('Authorization', await asAdmin())
      .send({ from: event.occurredAt })
      .expect(400);
  });
});
