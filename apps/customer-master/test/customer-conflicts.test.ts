import { CustomerMasterHarness, testVin } from './customer-master.harness';

/** A 409 tells the caller why it was refused, and nothing about records it may not read. */
describe('conflicts at customer-master', () => {
  let harness: CustomerMasterHarness;
  let admin: string;
  let agent: string;
  let dealerA: string;
  let dealerB: string;
  let customerOfDealerA: string;

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start({ env: { OUTBOX_RELAY_ENABLED: 'false' } });
    admin = await harness.as(['admin']);
    agent = await harness.as(['agent']);
    const partner = (code: string) =>
      harness
        .http()
        .post('/partners')
        .set('Authorization', admin)
        .send({ kind: 'dealer', code, name: `Dealer ${code}`, location: { lat: 31.2, lon: 121.4 } })
        .expect(201)
        .then((r) => r.body.partnerId as string);
    dealerA = await harness.as(['dealer'], { id: await partner('CF-A'), kind: 'dealer' });
    dealerB = await harness.as(['dealer'], { id: await partner('CF-B'), kind: 'dealer' });
    customerOfDealerA = await harness.registerCustomer(
      { kind: 'person', name: '冯十二', phones: ['13100131012'] },
      dealerA,
    );
  });
  afterAll(() => harness.stop());

  const register = (authorization: string) =>
    harness
      .http()
      .post('/customers')
      .set('Authorization', authorization)
      .send({ kind: 'person', name: 'Feng Shier', phones: ['131 0013 1012'] });

  it('shows staff the duplicate candidate', async () => {
    const response = await register(agent).expect(409);
    expect(response.body.candidates).toEqual([
      expect.objectContaining({ customerId: customerOfDealerA, name: '冯十二' }),
    ]);
  });

  it('shows a dealer its own customer as the candidate', async () => {
    const response = await register(dealerA).expect(409);
    expect(response.body.candidates.map((c: { customerId: string }) => c.customerId)).toEqual([
      customerOfDealerA,
    ]);
  });

  it('refuses another dealer with a 409 that names no one else’s customer', async () => {
    const response = await register(dealerB).expect(409);
    expect(response.body.candidates).toEqual([]);
    expect(JSON.stringify(response.body)).not.toContain(customerOfDealerA);
    expect(JSON.stringify(response.body)).not.toContain('冯十二');
  });

  it('answers partners registered with the same code at once with one 201 and 409s naming the field', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        harness
          .http()
          .post('/partners')
          .set('Authorization', admin)
          .send({ kind: 'dealer', code: 'CF-RACE', name: 'Racing dealer', location: { lat: 31, lon: 121 } }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((r) => r.status === 409))
      expect(response.body).toMatchObject({ status: 409, field: 'code' });
  });

  it('answers a VIN registered twice at once with one 201 and 409s naming the field', async () => {
    const owner = await harness.registerCustomer(
      { kind: 'person', name: '卫十三', phones: ['13100131013'] },
      agent,
    );
    const vin = testVin('RACE01');
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        harness
          .http()
          .post(`/customers/${owner}/vehicles`)
          .set('Authorization', agent)
          .send({ vin, brand: 'Roewe', model: 'i5' }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((r) => r.status === 409))
      expect(response.body).toMatchObject({ status: 409, field: 'vin' });
  });
});
