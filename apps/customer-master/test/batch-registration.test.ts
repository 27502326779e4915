import { Roles } from '@crm/contracts';
import { CustomerMasterHarness, testVin } from './customer-master.harness';

interface RowResult {
  row: number;
  status: string;
  customerId: string | null;
  vehicleId: string | null;
  vehicleAdded: boolean;
  errors: { field: string; reason: string }[];
  candidates: { customerId: string }[];
}

/** POST /customers:batch-register: many customers (and vehicles) in one call, an answer per row. */
describe('batch registration', () => {
  let harness: CustomerMasterHarness;
  let manager: string;
  let admin: string;
  let dealerA: string;
  let dealerB: string;
  let dealerAId: string;

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start();
    admin = await harness.as([Roles.admin]);
    manager = await harness.as([Roles.salesManager]);
    const dealer = (code: string) =>
      harness
        .http()
        .post('/partners')
        .set('Authorization', admin)
        .send({ kind: 'dealer', code, name: `Dealer ${code}`, location: { lat: 31.2, lon: 121.4 } })
        .expect(201)
        .then((r) => r.body.partnerId as string);
    dealerAId = await dealer('BR-A');
    const dealerBId = await dealer('BR-B');
    dealerA = await harness.as([Roles.dealer], { id: dealerAId, kind: 'dealer' });
    dealerB = await harness.as([Roles.dealer], { id: dealerBId, kind: 'dealer' });
  });
  afterAll(() => harness.stop());

  const send = (rows: unknown[], authorization = manager) =>
    harness.http().post('/customers:batch-register').set('Authorization', authorization).send({ rows });
  const vehicle = (serial: string) => ({ vin: testVin(serial), brand: 'Aurora', model: 'A6' });
  const count = async (sql: string, params: unknown[] = []) =>
    (await harness.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

  it('creates new rows, matches rows of the batch and stored customers, and rejects bad rows alone', async () => {
    const stored = await harness.registerCustomer(
      { kind: 'person', name: '周存', phones: ['13600001000'] },
      manager,
    );
    const strangerVin = testVin('700009');
    const stranger = await harness.registerCustomer(
      { kind: 'person', name: '外人', phones: ['13600001009'] },
      manager,
    );
    await harness
      .http()
      .post(`/customers/${stranger}/vehicles`)
      .set('Authorization', manager)
      .send({ ...vehicle('700009') })
      .expect(201);

    const response = await send([
      {
        customer: { kind: 'person', name: '钱新', phones: ['136 0000 1001'], birthday: '1990-03-04' },
        vehicle: vehicle('700001'),
      },
      {
        customer: { kind: 'person', name: '钱新', phones: ['+86 136-0000-1001'] },
        vehicle: vehicle('700002'),
      },
      { customer: { kind: 'person', name: '周存', phones: ['13600001000'] } },
      { customer: { kind: 'person', name: '坏号', phones: ['12345'] } },
      { customer: { kind: 'person' } },
      {
        customer: { kind: 'person', name: '抢车', phones: ['13600001003'] },
        vehicle: { ...vehicle('700009'), vin: strangerVin },
      },
      { customer: { kind: 'person', name: '孙同', emails: ['Sun@Example.com'] } },
      { customer: { kind: 'person', name: '孙同二', emails: ['sun@example.com'] } },
    ]).expect(200);

    const rows: RowResult[] = response.body.rows;
    expect(response.body.summary).toEqual({ created: 2, matched: 3, rejected: 3 });
    expect(rows.map((r) => r.status)).toEqual([
      'created',
      'matched',
      'matched',
      'rejected',
      'rejected',
      'rejected',
      'created',
      'matched',
    ]);
    expect(rows[1]).toMatchObject({ customerId: rows[0].customerId, vehicleAdded: true });
    expect(rows[2]).toMatchObject({ customerId: stored, vehicleId: null, vehicleAdded: false });
    expect(rows[7].customerId).toBe(rows[6].customerId);
    expect(rows[3].errors).toEqual([
      { field: 'customer.phones.0', reason: expect.stringContaining('not a valid phone') },
    ]);
    expect(new Set(rows[4].errors.map((e) => e.field))).toEqual(new Set(['customer.name']));
    expect(rows[5].errors).toEqual([{ field: 'vehicle.vin', reason: 'is registered to another customer' }]);
    expect(
      await count(`customer_master.customer_phone WHERE e164 IN ('+8613600001001', '+8613600001003')`),
    ).toBe(1);
    const owned = await harness
      .http()
      .get(`/customers/${rows[0].customerId}/vehicles`)
      .set('Authorization', manager);
    expect(owned.body.items.map((v: { vehicleId: string }) => v.vehicleId).sort()).toEqual(
      [rows[0].vehicleId, rows[1].vehicleId].sort(),
    );
  });

  it('writes the same events, audit entries and search keys as a single registration', async () => {
    const { body } = await send([
      { customer: { kind: 'person', name: '郑批量', phones: ['13600002001'] }, vehicle: vehicle('700101') },
    ]).expect(200);
    const [row] = body.rows as RowResult[];
    const single = await harness.registerCustomer(
      { kind: 'person', name: '郑单个', phones: ['13600002002'] },
      manager,
    );

    const [batchEvent] = await harness.outboxPayloads('customer.registered', row.customerId as string);
    const [singleEvent] = await harness.outboxPayloads('customer.registered', single);
    expect(Object.keys(batchEvent as object).sort()).toEqual(Object.keys(singleEvent as object).sort());
    expect(batchEvent).toMatchObject({
      customerId: row.customerId,
      name: '郑批量',
      namePinyin: 'zheng pi liang',
      phones: ['+8613600002001'],
    });
    expect(await harness.outboxPayloads('vehicle.registered', row.vehicleId as string)).toEqual([
      expect.objectContaining({ vin: testVin('700101'), ownerCustomerId: row.customerId }),
    ]);
    const audit = await harness
      .http()
      .get(`/customers/${row.customerId}/audit`)
      .set('Authorization', admin)
      .expect(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'customer.registered' })]);
    const found = await harness
      .http()
      .get('/customers/search?q=zhengpiliang')
      .set('Authorization', manager)
      .expect(200);
    expect(found.body.items.map((hit: { customerId: string }) => hit.customerId)).toContain(row.customerId);
  });

  it("links a dealer's new customers to it, sells their vehicles, and never matches another dealer's customer", async () => {
    const others = await harness.registerCustomer(
      { kind: 'person', name: '别家', phones: ['13600003000'] },
      dealerB,
    );

    const { body } = await send(
      [
        { customer: { kind: 'person', name: '经销新', phones: ['13600003001'] }, vehicle: vehicle('700201') },
        { customer: { kind: 'person', name: '别家', phones: ['13600003000'] } },
      ],
      dealerA,
    ).expect(200);

    const rows: RowResult[] = body.rows;
    expect(rows.map((r) => r.status)).toEqual(['created', 'rejected']);
    expect(rows[1]).toMatchObject({
      customerId: null,
      candidates: [],
      errors: [expect.objectContaining({ field: 'customer' })],
    });
    expect(JSON.stringify(rows[1])).not.toContain(others);
    await harness.http().get(`/customers/${rows[0].customerId}`).set('Authorization', dealerA).expect(200);
    await harness.http().get(`/customers/${rows[0].customerId}`).set('Authorization', dealerB).expect(404);
    const sold = await harness
      .http()
      .get(`/vehicles/${rows[0].vehicleId}`)
      .set('Authorization', dealerA)
      .expect(200);
    expect(sold.body.sellingDealerId).toBe(dealerAId);
  });

  it('adds a vehicle to a customer known by id, and refuses an id the dealer may not see', async () => {
    const own = await harness.registerCustomer(
      { kind: 'person', name: '已知', phones: ['13600005001'] },
      dealerA,
    );
    const others = await harness.registerCustomer(
      { kind: 'person', name: '他家', phones: ['13600005002'] },
      dealerB,
    );

    const { body } = await send(
      [
        { customerId: own, vehicle: vehicle('700301') },
        { customerId: others, vehicle: vehicle('700302') },
        { customerId: own, customer: { kind: 'person', name: '两者' }, vehicle: vehicle('700303') },
      ],
      dealerA,
    ).expect(200);

    expect(body.rows.map((r: RowResult) => [r.status, r.customerId, r.errors.map((e) => e.field)])).toEqual([
      ['matched', own, []],
      ['rejected', null, ['customerId']],
      ['rejected', null, ['customerId']],
    ]);
    expect(body.rows[0].vehicleAdded).toBe(true);
    expect(await count(`customer_master.vehicle WHERE owner_customer_id = $1`, [others])).toBe(0);
  });

  it('refuses a row that may be several customers, naming them', async () => {
    const byPhone = await harness.registerCustomer(
      { kind: 'person', name: '冯甲', phones: ['13600004001'] },
      manager,
    );
    const byEmail = await harness.registerCustomer(
      { kind: 'person', name: '冯乙', emails: ['feng@example.com'] },
      manager,
    );

    const { body } = await send([
      { customer: { kind: 'person', name: '冯丙', phones: ['13600004001'], emails: ['feng@example.com'] } },
    ]).expect(200);

    expect(body.rows[0]).toMatchObject({
      status: 'rejected',
      errors: [expect.objectContaining({ field: 'customer' })],
    });
    expect(body.rows[0].candidates.map((c: { customerId: string }) => c.customerId).sort()).toEqual(
      [byPhone, byEmail].sort(),
    );
  });

  it('answers 400 problem+json over the batch limit and to an empty batch, 403 to a repair station', async () => {
    const row = { customer: { kind: 'person', name: '超限' } };
    const tooMany = await send(Array.from({ length: 1001 }, () => row)).expect(400);
    expect(tooMany.headers['content-type']).toContain('application/problem+json');
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'rows' })]);
    await send([]).expect(400);
    const station = await harness.as([Roles.repairStation], { id: dealerAId, kind: 'repair_station' });
    await send([row], station).expect(403);
    await harness
      .http()
      .post('/customers:batch-register')
      .send({ rows: [row] })
      .expect(401);
    expect(await count(`customer_master.customer WHERE name = '超限'`)).toBe(0);
  });
});
