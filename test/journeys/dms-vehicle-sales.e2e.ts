import { createServer, request as forward, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Roles } from '@crm/contracts';
import { CustomerMasterHarness, testVin } from '../../apps/customer-master/test/customer-master.harness';
import { IntegrationHarness } from '../../apps/integration/test/integration.harness';

type Outage = 'none' | 'all' | 'answers';

/**
 * customer-master behind a switch: when told to, answers 503 to every call, or lets every call through and
 * loses its answer (a 503 after customer-master committed, as a timeout would).
 */
async function switchableProxy(target: string): Promise<{ url: string; outage: Outage; server: Server }> {
  const state = { url: '', outage: 'none' as Outage, server: undefined as unknown as Server };
  state.server = createServer((req, res) => {
    if (state.outage === 'all') return void res.writeHead(503).end();
    const upstream = forward(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        if (state.outage === 'answers') return void answer.resume().on('end', () => res.writeHead(503).end());
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

/**
 * integration and customer-master as two applications on their own databases, one Kafka namespace and one
 * token issuer: vehicle sales from a dealer's DMS register their buyers and vehicles through customer-master's
 * API, so its duplicate rules decide, and the DMS's ids make the same sale sent again change nothing.
 */
describe('vehicle sales from a dealer DMS through the customer master', () => {
  let master: CustomerMasterHarness;
  let integration: IntegrationHarness;
  let proxy: Awaited<ReturnType<typeof switchableProxy>>;
  let admin: string;
  let dealerA: string;
  let dealerAId: string;

  beforeAll(async () => {
    master = await CustomerMasterHarness.start();
    await master.app.listen(0, '127.0.0.1');
    proxy = await switchableProxy((await master.app.getUrl()).replace('[::1]', '127.0.0.1'));
    integration = await IntegrationHarness.start({
      kafkaNamespace: master.kafkaNamespace,
      tokens: master.tokens,
      customerMasterUrl: proxy.url,
    });
    admin = await master.as([Roles.admin]);
    const dealer = (code: string) =>
      master
        .http()
        .post('/partners')
        .set('authorization', admin)
        .send({ kind: 'dealer', code, name: `Dealer ${code}`, location: { lat: 31.2, lon: 121.4 } })
        .expect(201)
        .then((r) => r.body.partnerId as string);
    dealerAId = await dealer('DMS-A');
    await dealer('DMS-B');
    dealerA = await master.as([Roles.dealer], { id: dealerAId, kind: 'dealer' });
  }, 120_000);

  afterEach(() => {
    proxy.outage = 'none';
  });

  afterAll(async () => {
    await integration?.stop();
    await master?.stop();
    proxy?.server.closeAllConnections();
    await new Promise((resolve) => proxy?.server.close(resolve));
  });

  const sale = (n: number, overrides: object = {}) => ({
    externalId: `S-${n}`,
    vin: testVin(String(100000 + n)),
    model: 'A6 Sedan',
    buyer: { name: `买家${n}`, phone: `1370000${String(n).padStart(4, '0')}`, externalCustomerId: `C-${n}` },
    dealerCode: 'DMS-A',
    soldOn: '2026-06-18',
    ...overrides,
  });
  const batch = (rows: unknown[], authorization = dealerA, key?: string) => {
    const call = integration.http().post('/inbound/vehicle-sales:batch').set('authorization', authorization);
    return (key ? call.set('idempotency-key', key) : call).send(rows);
  };
  const customersWithPhone = async (phone: string) =>
    (await master.query(`SELECT customer_id FROM customer_master.customer_phone WHERE e164 = $1`, [phone]))
      .length;
  const vehiclesWithVin = async (vin: string) =>
    (await master.query(`SELECT vin FROM customer_master.vehicle WHERE vin = $1`, [vin])).length;
  const totals = async () => ({
    customers: (await master.query(`SELECT count(*)::int AS n FROM customer_master.customer`))[0].n,
    vehicles: (await master.query(`SELECT count(*)::int AS n FROM customer_master.vehicle`))[0].n,
    refs: (
      await integration.query<{ n: number }>(`SELECT count(*)::int AS n FROM integration.external_ref`)
    )[0].n,
  });

  it('creates each customer and vehicle once when the same batch is sent twice', async () => {
    const known = await master.registerCustomer(
      { kind: 'person', name: '买家3', phones: ['13700000003'] },
      dealerA,
    );
    const rows = [sale(1), sale(2), sale(3), sale(4, { buyer: sale(1).buyer })];
    const first = await batch(rows).expect(200);
    expect(first.body.summary).toEqual({ created: 2, linked: 2, unchanged: 0, rejected: 0, retryable: 0 });
    expect(first.body.rows.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'created',
      'linked',
      'linked',
    ]);
    expect(first.body.rows[2].customerId).toBe(known);
    expect(first.body.rows[3].customerId).toBe(first.body.rows[0].customerId);
    const before = await totals();

    const second = await batch(rows).expect(200);
    expect(second.body.summary).toEqual({ created: 0, linked: 0, unchanged: 4, rejected: 0, retryable: 0 });
    expect(second.body.rows.map((r: { vehicleId: string }) => r.vehicleId)).toEqual(
      first.body.rows.map((r: { vehicleId: string }) => r.vehicleId),
    );
    expect(await totals()).toEqual(before);
    for (const n of [1, 2, 3]) expect(await customersWithPhone(`+861370000000${n}`)).toBe(1);
    for (const n of [1, 2, 3, 4]) expect(await vehiclesWithVin(sale(n).vin)).toBe(1);
    const registered = await master.outboxPayloads('vehicle.registered', first.body.rows[0].vehicleId);
    expect(registered).toEqual([
      expect.objectContaining({ sellingDealerId: dealerAId, purchaseDate: '2026-06-18' }),
    ]);
  });

  it('creates each customer and vehicle once when the same batch is sent twice at once', async () => {
    const rows = [sale(61), sale(62), sale(63, { buyer: sale(61).buyer })];
    const [a, b] = await Promise.all([batch(rows).expect(200), batch(rows).expect(200)]);
    const statuses = [...a.body.rows, ...b.body.rows].map((r: { status: string }) => r.status);
    expect(statuses.filter((status) => status === 'unchanged')).toHaveLength(3);
    expect(a.body.rows.map((r: { vehicleId: string }) => r.vehicleId)).toEqual(
      b.body.rows.map((r: { vehicleId: string }) => r.vehicleId),
    );
    for (const n of [61, 62]) expect(await customersWithPhone(`+86137000000${n}`)).toBe(1);
    for (const n of [61, 62, 63]) expect(await vehiclesWithVin(sale(n).vin)).toBe(1);
  });

  it('answers the stored result to the same Idempotency-Key and refuses the key with another body', async () => {
    const rows = [sale(11), sale(12)];
    const first = await batch(rows, dealerA, 'dms-a-batch-11').expect(200);
    expect(first.body.summary.created).toBe(2);
    const before = await totals();
    const replay = await batch(rows, dealerA, 'dms-a-batch-11').expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await totals()).toEqual(before);
    const reused = await batch([sale(13)], dealerA, 'dms-a-batch-11').expect(422);
    expect(reused.body).toMatchObject({ field: 'Idempotency-Key' });
    expect(await vehiclesWithVin(sale(13).vin)).toBe(0);
  });

  it('reports every bad row with its index and field, and imports the good ones', async () => {
    const withoutBuyer = { ...sale(24), buyer: undefined };
    const response = await batch([
      sale(21),
      sale(22, { vin: 'LSVAU2180N2X0000O' }),
      sale(23, { soldOn: '2026-02-30' }),
      withoutBuyer,
      'not a row',
    ]).expect(200);
    expect(response.body.summary).toMatchObject({ created: 1, rejected: 4 });
    const problems = response.body.rows.map(
      (r: { row: number; status: string; errors: { field: string }[] }) => [
        r.row,
        r.status,
        r.errors.map((e) => e.field),
      ],
    );
    expect(problems).toEqual([
      [0, 'created', []],
      [1, 'rejected', ['vin']],
      [2, 'rejected', ['soldOn']],
      [3, 'rejected', ['buyer']],
      [4, 'rejected', ['row']],
    ]);
    for (const n of [22, 23, 24]) expect(await customersWithPhone(`+86137000000${n}`)).toBe(0);
  });

  it("refuses a dealer's batch naming another dealer's code with 403 naming the field, writing nothing", async () => {
    const before = await totals();
    const response = await batch([sale(31), sale(32, { dealerCode: 'DMS-B' })]).expect(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ field: '[1].dealerCode' });
    expect(await totals()).toEqual(before);
  });

  it('answers rows retryable while customer-master is down or its answer is lost, and completes them when sent again', async () => {
    const rows = [
      sale(41, { dealerCode: undefined, dealerId: dealerAId }),
      sale(42, { dealerCode: undefined, dealerId: dealerAId }),
    ];
    proxy.outage = 'all';
    const down = await batch(rows, admin, 'admin-batch-41').expect(200);
    expect(down.body.summary).toMatchObject({ retryable: 2 });
    expect(await customersWithPhone('+8613700000041')).toBe(0);
    proxy.outage = 'answers';
    const lost = await batch(rows, admin, 'admin-batch-41').expect(200);
    expect(lost.body.rows.map((r: { status: string }) => r.status)).toEqual(['retryable', 'retryable']);
    expect(await customersWithPhone('+8613700000041')).toBe(1);
    expect(await vehiclesWithVin(sale(41).vin)).toBe(1);

    proxy.outage = 'none';
    const retried = await batch(rows, admin, 'admin-batch-41').expect(200);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.body.summary).toMatchObject({ linked: 2, retryable: 0 });
    for (const n of [41, 42]) {
      expect(await customersWithPhone(`+86137000000${n}`)).toBe(1);
      expect(await vehiclesWithVin(sale(n).vin)).toBe(1);
    }
  });

  it('imports a CSV batch like a JSON one, reporting its bad rows', async () => {
    const line = (n: number, soldOn = '2026-06-18') => {
      const row = sale(n);
      return [
        row.externalId,
        row.vin,
        row.model,
        row.buyer.name,
        row.buyer.phone,
        row.buyer.externalCustomerId,
        'DMS-A',
        soldOn,
      ].join(',');
    };
    const csv = [
      'external_id,vin,model,buyer_name,buyer_phone,buyer_external_customer_id,dealer_code,sold_on',
      line(71),
      line(72, '2026-13-01'),
    ].join('\n');
    const send = () =>
      integration
        .http()
        .post('/inbound/vehicle-sales:batch')
        .set('authorization', dealerA)
        .set('content-type', 'text/csv')
        .send(csv);
    const first = await send().expect(200);
    expect(
      first.body.rows.map((r: { status: string; errors: { field: string }[] }) => [
        r.status,
        r.errors.map((e) => e.field),
      ]),
    ).toEqual([
      ['created', []],
      ['rejected', ['soldOn']],
    ]);
    expect(first.body.rows[0].customerId).toEqual(expect.any(String));
    expect((await send().expect(200)).body.summary).toMatchObject({ unchanged: 1, rejected: 1 });
    expect(await customersWithPhone('+8613700000071')).toBe(1);
    const noHeader = await integration
      .http()
      .post('/inbound/vehicle-sales:batch')
      .set('authorization', dealerA)
      .set('content-type', 'text/csv')
      .send('external_id,vin\nS-1,X')
      .expect(400);
    expect(noHeader.body.errors).toEqual([expect.objectContaining({ field: 'header' })]);
  });

  it('imports one sale, and refuses a bad one with 400 naming the field', async () => {
    const one = (body: object) =>
      integration.http().post('/inbound/vehicle-sales').set('authorization', dealerA).send(body);
    const bad = await one(sale(51, { vin: 'SHORT' })).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'vin' })]);
    const good = await one(sale(52)).expect(200);
    expect(good.body).toMatchObject({ row: 0, externalId: 'S-52', status: 'created' });
    expect((await one(sale(52)).expect(200)).body).toMatchObject({
      status: 'unchanged',
      vehicleId: good.body.vehicleId,
    });
  });
});
