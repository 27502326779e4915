import {
  DmsOrderCancelled,
  DmsOrderInvoiced,
  DmsOrderInvoiceVoided,
  DmsOrderPaid,
  DmsOrderRecorded,
  DmsRepairCancelled,
  DmsRepairRecorded,
  Roles,
} from '@crm/contracts';
import { eventually } from '@crm/testing';
import { AnalyticsHarness } from '../../apps/analytics/test/analytics.harness';
import { CustomerMasterHarness, testVin } from '../../apps/customer-master/test/customer-master.harness';
import { IntegrationHarness } from '../../apps/integration/test/integration.harness';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/**
 * Orders, invoices, payments and paid repairs from dealers' and stations' DMS (ADR 0042): integration publishes them
 * through its outbox on its own topics, and analytics counts them in customer value like native orders and repairs,
 * all on real PostgreSQL and Kafka, customer-master deciding who may write about which customer.
 */
describe('orders and paid repairs from a DMS feed customer value', () => {
  let master: CustomerMasterHarness;
  let integration: IntegrationHarness;
  let analytics: AnalyticsHarness;
  let admin: string;
  let analyst: string;
  let dealerA: string;
  let dealerB: string;
  let station: string;
  let otherStation: string;
  let dealerAId: string;
  let stationId: string;
  let buyer: string;
  let stationCustomer: string;

  beforeAll(async () => {
    master = await CustomerMasterHarness.start();
    await master.app.listen(0, '127.0.0.1');
    const shared = { kafkaNamespace: master.kafkaNamespace, tokens: master.tokens };
    integration = await IntegrationHarness.start({
      ...shared,
      customerMasterUrl: (await master.app.getUrl()).replace('[::1]', '127.0.0.1'),
    });
    analytics = await AnalyticsHarness.start(shared);
    admin = await master.as([Roles.admin]);
    analyst = await master.as([Roles.analyst]);
    const partner = (kind: 'dealer' | 'repair_station', code: string) =>
      master
        .http()
        .post('/partners')
        .set('authorization', admin)
        .send({ kind, code, name: `Partner ${code}`, location: { lat: 31.2, lon: 121.4 } })
        .expect(201)
        .then((r) => r.body.partnerId as string);
    dealerAId = await partner('dealer', 'DMS-OA');
    const dealerBId = await partner('dealer', 'DMS-OB');
    stationId = await partner('repair_station', 'DMS-RS');
    const otherStationId = await partner('repair_station', 'DMS-RT');
    dealerA = await master.as([Roles.dealer], { id: dealerAId, kind: 'dealer' });
    dealerB = await master.as([Roles.dealer], { id: dealerBId, kind: 'dealer' });
    station = await master.as([Roles.repairStation], { id: stationId, kind: 'repair_station' });
    otherStation = await master.as([Roles.repairStation], { id: otherStationId, kind: 'repair_station' });
    const sale = await integration
      .http()
      .post('/inbound/vehicle-sales')
      .set('authorization', dealerA)
      .send({
        externalId: 'S-1',
        vin: testVin('300001'),
        model: 'A6 Sedan',
        buyer: { name: '买家订单', phone: '13600000001', externalCustomerId: 'C-1' },
        soldOn: '2026-06-18',
      })
      .expect(200);
    buyer = sale.body.customerId;
    stationCustomer = await master.registerCustomer(
      { kind: 'person', name: '修车客户', phones: ['13600000002'] },
      admin,
    );
  }, 180_000);

  afterAll(async () => {
    await analytics?.stop();
    await integration?.stop();
    await master?.stop();
  });

  const post = (path: string, authorization: string, body: unknown, key?: string) => {
    const call = integration.http().post(path).set('authorization', authorization);
    return (key ? call.set('idempotency-key', key) : call).send(body as object);
  };
  const order = (externalId: string, amount: number, overrides: object = {}) => ({
    externalId,
    customerExternalId: 'C-1',
    items: [{ model: 'A6 Sedan', quantity: 1, lineTotal: amount }],
    total: { amount, currency: 'CNY' },
    placedAt: daysAgo(10),
    ...overrides,
  });
  const recompute = () =>
    analytics.http().post('/analytics/customer-value/recompute').set('authorization', analyst).expect(200);
  const valueOf = async (customerId: string) => {
    await recompute();
    const card = await analytics
      .http()
      .get(`/analytics/customers/${customerId}/value`)
      .set('authorization', analyst)
      .expect(200);
    const summary = await analytics
      .http()
      .get('/analytics/customer-value/summary')
      .set('authorization', analyst)
      .expect(200);
    const { value, purchases, lifetimeRevenue, averageOrderValue, tier, segment, clv } = card.body.customer;
    return {
      value,
      purchases,
      lifetimeRevenue,
      averageOrderValue,
      tier,
      segment,
      clv,
      pareto: summary.body.pareto,
    };
  };
  const orderFacts = async (customerId: string) =>
    analytics.query<{ order_id: string; amount: string }>(
      `SELECT order_id, amount FROM analytics.order_fact WHERE customer_id = $1 ORDER BY amount`,
      [customerId],
    );

  it("raises the customer's value in analytics, and the same batch again changes no figure", async () => {
    const rows = [
      order('O-1', 300_000),
      order('O-2', 20_000, { customerExternalId: undefined, customerId: buyer }),
    ];
    const first = await post('/inbound/orders:batch', dealerA, rows, 'orders-1').expect(200);
    expect(first.body.summary).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0, retryable: 0 });
    const [o1, o2] = first.body.rows.map((r: { id: string }) => r.id);
    await eventually(async () => expect(await orderFacts(buyer)).toHaveLength(2), 60_000);
    const before = await valueOf(buyer);
    expect(before).toMatchObject({ value: 320_000, purchases: 2 });

    const again = await post('/inbound/orders:batch', dealerA, rows).expect(200);
    expect(again.body.summary).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 0, retryable: 0 });
    expect(again.body.rows.map((r: { id: string }) => r.id)).toEqual([o1, o2]);
    const replay = await post('/inbound/orders:batch', dealerA, rows, 'orders-1').expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    const reused = await post('/inbound/orders:batch', dealerA, [order('O-3', 1)], 'orders-1').expect(422);
    expect(reused.body).toMatchObject({ field: 'Idempotency-Key' });
    expect(await integration.outbox(DmsOrderRecorded.type)).toHaveLength(2);
    expect(await valueOf(buyer)).toEqual(before);

    const changed = await post(
      '/inbound/orders',
      dealerA,
      order('O-2', 25_000, { customerId: buyer }),
    ).expect(200);
    expect(changed.body).toMatchObject({ status: 'updated', id: o2 });
    await eventually(async () => expect((await orderFacts(buyer))[0].amount).toBe('25000.00'), 60_000);
    expect(await valueOf(buyer)).toMatchObject({ value: 325_000, purchases: 2 });
  });

  it('publishes invoices and payments on the order they belong to', async () => {
    const [placed] = await integration.outbox(DmsOrderRecorded.type);
    const invoice = {
      externalId: 'I-1',
      orderExternalId: 'O-1',
      amount: { amount: 300_000, currency: 'CNY' },
      issuedOn: '2026-06-18',
    };
    const payment = {
      externalId: 'P-1',
      orderExternalId: 'O-1',
      amount: { amount: 300_000, currency: 'CNY' },
      paidAt: daysAgo(9),
      method: 'bank-transfer',
    };
    expect((await post('/inbound/invoices', dealerA, invoice).expect(200)).body.status).toBe('created');
    expect(
      (await post('/inbound/payments:batch', dealerA, [payment, payment]).expect(200)).body.summary,
    ).toMatchObject({ created: 1, unchanged: 1 });
    const events = [
      ...(await integration.outbox(DmsOrderInvoiced.type)),
      ...(await integration.outbox(DmsOrderPaid.type)),
    ];
    expect(events.map((e) => [e.aggregateId, (e.payload as { externalId: string }).externalId])).toEqual([
      [placed.aggregateId, 'I-1'],
      [placed.aggregateId, 'P-1'],
    ]);
  });

  it("counts a station's paid repair, not a warranty one", async () => {
    const repair = (externalId: string, amount: number, overrides: object = {}) => ({
      externalId,
      customerExternalId: 'RC-1',
      workDone: 'Replaced the brake pads',
      cost: { amount, currency: 'CNY' },
      repairedAt: daysAgo(5),
      ...overrides,
    });
    // A station sees no customer in customer-master yet (no "serviced" link is made), so an admin maps its DMS
    // customer id to the CRM customer with the first repair; the station's DMS then names its own id.
    const mapped = await post(
      '/inbound/repairs',
      admin,
      repair('R-1', 1_800, { stationId, customerId: stationCustomer }),
    );
    expect(mapped.status).toBe(200);
    expect(mapped.body.status).toBe('created');
    const sent = await post('/inbound/repairs:batch', station, [repair('R-2', 0), repair('R-3', 200)]).expect(
      200,
    );
    expect(sent.body.summary).toMatchObject({ created: 2 });
    expect(await integration.outbox(DmsRepairRecorded.type)).toHaveLength(3);
    await eventually(async () => {
      const facts = await analytics.query(`SELECT 1 FROM analytics.repair_fact WHERE customer_id = $1`, [
        stationCustomer,
      ]);
      expect(facts).toHaveLength(2);
    }, 60_000);
    expect(await valueOf(stationCustomer)).toMatchObject({ value: 2_000, purchases: 2 });
  });

  it('reports every bad row with its index and field, and writes the good ones', async () => {
    const response = await post('/inbound/orders:batch', dealerA, [
      order('O-10', 1_000),
      order('O-11', 1_000, { items: [] }),
      order('O-12', 1_000, { total: { amount: 1_000, currency: 'yuan' } }),
      order('O-13', 1_000, { customerExternalId: 'C-unknown' }),
      order('O-14', 1_000, { customerExternalId: undefined }),
      'not a row',
    ]).expect(200);
    const problems = response.body.rows.map(
      (r: { row: number; status: string; errors: { field: string }[] }) => [
        r.row,
        r.status,
        r.errors.map((e) => e.field),
      ],
    );
    expect(problems).toEqual([
      [0, 'created', []],
      [1, 'rejected', ['items']],
      [2, 'rejected', ['total.currency']],
      [3, 'rejected', ['customerExternalId']],
      [4, 'rejected', ['customerExternalId']],
      [5, 'rejected', ['row']],
    ]);
    const single = await post('/inbound/invoices', dealerA, {
      externalId: 'I-9',
      orderExternalId: 'O-404',
      amount: { amount: 1, currency: 'CNY' },
      issuedOn: '2026-02-30',
    }).expect(400);
    expect(single.headers['content-type']).toContain('application/problem+json');
    expect(single.body.errors.map((e: { field: string }) => e.field)).toEqual(['issuedOn']);
    const adminWithoutDealer = await post('/inbound/orders', admin, order('O-15', 1)).expect(400);
    expect(adminWithoutDealer.body.errors.map((e: { field: string }) => e.field)).toEqual(['dealerId']);
  });

  it("keeps each partner to its own records: another partner's token gets exact statuses", async () => {
    const published = (await integration.outbox()).length;
    const named = await post('/inbound/orders:batch', dealerB, [
      order('O-20', 1, { customerExternalId: undefined, customerId: buyer }),
      order('O-21', 1, { dealerId: dealerAId }),
    ]).expect(403);
    expect(named.headers['content-type']).toContain('application/problem+json');
    expect(named.body).toMatchObject({ field: '[1].dealerId' });
    const othersCustomer = await post(
      '/inbound/orders',
      dealerB,
      order('O-22', 1, { customerExternalId: undefined, customerId: buyer }),
    ).expect(400);
    expect(othersCustomer.body.errors.map((e: { field: string }) => e.field)).toEqual(['customerId']);
    const othersMapping = await post('/inbound/orders', dealerB, order('O-23', 1)).expect(400);
    expect(othersMapping.body.errors.map((e: { field: string }) => e.field)).toEqual(['customerExternalId']);
    const othersOrder = await post('/inbound/payments', dealerB, {
      externalId: 'P-9',
      orderExternalId: 'O-1',
      amount: { amount: 1, currency: 'CNY' },
      paidAt: daysAgo(1),
    }).expect(400);
    expect(othersOrder.body.errors.map((e: { field: string }) => e.field)).toEqual(['orderExternalId']);
    const othersRepairCustomer = await post('/inbound/repairs', otherStation, {
      externalId: 'R-9',
      customerId: stationCustomer,
      workDone: 'x',
      cost: { amount: 1, currency: 'CNY' },
      repairedAt: daysAgo(1),
    }).expect(400);
    expect(othersRepairCustomer.body.errors.map((e: { field: string }) => e.field)).toEqual(['customerId']);
    await post('/inbound/repairs:batch', otherStation, [
      {
        externalId: 'R-8',
        stationId,
        customerId: stationCustomer,
        workDone: 'x',
        cost: { amount: 1, currency: 'CNY' },
        repairedAt: daysAgo(1),
      },
    ]).expect(403);
    await post('/inbound/orders:batch', station, [order('O-24', 1)]).expect(403);
    await post('/inbound/repairs', dealerA, { externalId: 'R-7' }).expect(403);
    expect(await integration.outbox()).toHaveLength(published);
  });

  it("cancels a record once: analytics drops its amount, another dealer's cancellation finds nothing (ADR 0054)", async () => {
    const before = await valueOf(buyer);
    const factsBefore = (await orderFacts(buyer)).length;
    const published = (await integration.outbox()).length;
    const othersOrder = await post('/inbound/orders/cancellations', dealerB, { externalId: 'O-1' }).expect(
      404,
    );
    expect(othersOrder.headers['content-type']).toContain('application/problem+json');
    expect(othersOrder.body).toMatchObject({ field: 'externalId' });
    await post('/inbound/orders/cancellations', dealerB, { externalId: 'O-1', dealerId: dealerAId }).expect(
      403,
    );
    await post('/inbound/repairs/cancellations', dealerA, { externalId: 'R-3' }).expect(403);
    expect(await integration.outbox()).toHaveLength(published);

    const rows = [{ externalId: 'O-1', reason: 'customer withdrew' }, { externalId: 'O-404' }, { reason: 1 }];
    const first = await post('/inbound/orders/cancellations:batch', dealerA, rows, 'cancel-1').expect(200);
    expect(first.body.summary).toEqual({ cancelled: 1, unchanged: 0, rejected: 2 });
    expect(
      first.body.rows.map((r: { status: string; errors: { field: string }[] }) => [
        r.status,
        [...new Set(r.errors.map((e) => e.field))],
      ]),
    ).toEqual([
      ['cancelled', []],
      ['rejected', ['externalId']],
      ['rejected', ['externalId', 'reason']],
    ]);
    const replay = await post('/inbound/orders/cancellations:batch', dealerA, rows, 'cancel-1').expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const again = await post('/inbound/orders/cancellations', dealerA, { externalId: 'O-1' }).expect(200);
    expect(again.body).toMatchObject({ status: 'unchanged', id: first.body.rows[0].id });
    const cancelled = await integration.outbox(DmsOrderCancelled.type);
    expect(cancelled.map((e) => [e.aggregateId, (e.payload as { reason: string }).reason])).toEqual([
      [first.body.rows[0].id, 'customer withdrew'],
    ]);
    const resent = await post('/inbound/orders', dealerA, order('O-1', 300_000)).expect(400);
    expect(resent.body.errors.map((e: { field: string }) => e.field)).toEqual(['externalId']);

    await eventually(async () => expect(await orderFacts(buyer)).toHaveLength(factsBefore - 1), 60_000);
    expect(await valueOf(buyer)).toMatchObject({
      value: before.value - 300_000,
      purchases: before.purchases - 1,
    });

    const voided = await post('/inbound/invoices/cancellations', dealerA, { externalId: 'I-1' }).expect(200);
    expect(voided.body.status).toBe('cancelled');
    const [invoiceVoided] = await integration.outbox(DmsOrderInvoiceVoided.type);
    expect(invoiceVoided.aggregateId).toBe(first.body.rows[0].id);
    const repair = await post('/inbound/repairs/cancellations', station, { externalId: 'R-3' }).expect(200);
    expect(repair.body.status).toBe('cancelled');
    expect(await integration.outbox(DmsRepairCancelled.type)).toHaveLength(1);
    await eventually(
      async () => expect(await valueOf(stationCustomer)).toMatchObject({ value: 1_800 }),
      60_000,
    );
  }, 180_000);
});
