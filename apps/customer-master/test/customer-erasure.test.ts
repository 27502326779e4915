import { CustomerMasterHarness, testVin } from './customer-master.harness';

describe('customer erasure', () => {
  let harness: CustomerMasterHarness;
  let agent: string;
  let admin: string;

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start();
    agent = await harness.as(['agent']);
    admin = await harness.as(['admin']);
  });
  afterAll(async () => {
    await harness.stop();
  });

  const register = (body: object) => harness.registerCustomer(body, agent);

  const erasedEvents = (customerId: string) => harness.outboxPayloads('customer.erased', customerId);

  it('removes every piece of personal data, the person’s vehicles (a VIN points at its owner) included, but keeps the record', async () => {
    const id = await register({
      kind: 'person',
      name: '张三丰',
      phones: ['138 0013 8001'],
      emails: ['zhang.sanfeng@example.com'],
      address: { province: '上海市', city: '上海市', street: '世纪大道 100 号' },
      birthday: '1975-03-04',
      gender: 'male',
      tags: ['vip'],
      ownerSalesRepId: 'rep-7',
      consents: [{ channel: 'email', granted: true, source: 'web' }],
    });
    const vin = testVin('000101');
    await harness
      .http()
      .post(`/customers/${id}/vehicles`)
      .set('Authorization', agent)
      .send({ vin, brand: 'Aurora', model: 'A6' })
      .expect(201);

    const erased = await harness
      .http()
      .post(`/customers/${id}/erase`)
      .set('Authorization', admin)
      .expect(200);

    expect(erased.body).toMatchObject({
      id,
      name: 'ERASED',
      nameLatin: null,
      phones: [],
      emails: [],
      address: null,
      birthday: null,
      gender: null,
      tags: [],
      ownerSalesRepId: null,
      consents: [],
      status: 'erased',
    });
    const stored = await harness.query(
      `SELECT c.search_keys, c.name_latin,
              (SELECT count(*)::int FROM customer_master.customer_phone p WHERE p.customer_id = c.id) AS phones,
              (SELECT count(*)::int FROM customer_master.consent k WHERE k.customer_id = c.id) AS consents
         FROM customer_master.customer c WHERE c.id = $1`,
      [id],
    );
    expect(stored[0]).toEqual({ search_keys: [], name_latin: null, phones: 0, consents: 0 });
    const fetched = await harness.http().get(`/customers/${id}`).set('Authorization', agent).expect(200);
    expect(fetched.body.status).toBe('erased');
    const vehicles = await harness
      .http()
      .get(`/customers/${id}/vehicles`)
      .set('Authorization', agent)
      .expect(200);
    expect(vehicles.body.items).toEqual([]);
    expect(await harness.query(`SELECT 1 FROM customer_master.vehicle WHERE vin = $1`, [vin])).toEqual([]);
    expect(await erasedEvents(id)).toEqual([{ customerId: id, erasedAt: expect.any(String) }]);
  });

  it('answers 200 unchanged when erasing again, without a second event', async () => {
    const id = await register({ kind: 'person', name: '李小龙', phones: ['138 0013 8002'] });
    await harness.http().post(`/customers/${id}/erase`).set('Authorization', admin).expect(200);
    const again = await harness.http().post(`/customers/${id}/erase`).set('Authorization', admin).expect(200);
    expect(again.body).toMatchObject({ id, status: 'erased', name: 'ERASED' });
    expect(await erasedEvents(id)).toHaveLength(1);
  });

  it('erases the duplicates merged into the record too', async () => {
    const survivorId = await register({ kind: 'person', name: '陈大文', phones: ['138 0013 8003'] });
    const duplicateId = await register({ kind: 'person', name: 'Chen Dawen', emails: ['dawen@example.com'] });
    await harness
      .http()
      .post(`/customers/${survivorId}/merge`)
      .set('Authorization', agent)
      .send({ duplicateId })
      .expect(200);

    await harness.http().post(`/customers/${survivorId}/erase`).set('Authorization', admin).expect(200);

    const retired = await harness
      .http()
      .get(`/customers/${duplicateId}`)
      .set('Authorization', agent)
      .expect(200);
    expect(retired.body).toMatchObject({
      name: 'ERASED',
      emails: [],
      status: 'erased',
      mergedInto: survivorId,
    });
    expect(await erasedEvents(duplicateId)).toHaveLength(1);
  });

  it('is for admins only', async () => {
    const id = await register({ kind: 'person', name: '黄飞鸿', phones: ['138 0013 8004'] });
    const response = await harness
      .http()
      .post(`/customers/${id}/erase`)
      .set('Authorization', agent)
      .expect(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    await harness
      .http()
      .post('/customers/5f0c3c1e-4d2b-4c1a-9f3e-2b6a7c8d9e0f/erase')
      .set('Authorization', admin)
      .expect(404);
  });
});
