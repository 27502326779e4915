import { CustomerMasterHarness, testVin } from './customer-master.harness';

describe('customer merge', () => {
  let harness: CustomerMasterHarness;
  let agent: string;

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start();
    agent = await harness.as(['agent']);
  });
  afterAll(async () => {
    await harness.stop();
  });

  const register = (body: object) => harness.registerCustomer(body, agent);

  it('moves the duplicate’s data and vehicles to the survivor and publishes customer.merged', async () => {
    const survivorId = await register({
      kind: 'person',
      name: '王五',
      phones: ['137 0013 7000'],
      tags: ['vip'],
    });
    const duplicateId = await register({
      kind: 'person',
      name: 'Wang Wu',
      phones: ['136 0013 6000'],
      emails: ['wang.wu@example.com'],
      birthday: '1980-01-02',
      gender: 'male',
      tags: ['fleet'],
      consents: [{ channel: 'sms', granted: true, source: 'call-center' }],
    });
    const vin = testVin('000001');
    const vehicle = await harness
      .http()
      .post(`/customers/${duplicateId}/vehicles`)
      .set('Authorization', agent)
      .send({ vin, brand: 'Aurora', model: 'A6' })
      .expect(201);

    const merged = await harness
      .http()
      .post(`/customers/${survivorId}/merge`)
      .set('Authorization', agent)
      .send({ duplicateId })
      .expect(200);

    expect(merged.body).toMatchObject({
      id: survivorId,
      name: '王五',
      phones: ['+8613700137000', '+8613600136000'],
      emails: ['wang.wu@example.com'],
      tags: ['vip', 'fleet'],
      birthday: '1980-01-02',
      gender: 'male',
      consents: [expect.objectContaining({ channel: 'sms', granted: true })],
      status: 'active',
      version: 2,
    });
    const retired = await harness
      .http()
      .get(`/customers/${duplicateId}`)
      .set('Authorization', agent)
      .expect(200);
    expect(retired.body).toMatchObject({ status: 'merged', mergedInto: survivorId, phones: [] });
    const owned = await harness
      .http()
      .get(`/customers/${survivorId}/vehicles`)
      .set('Authorization', agent)
      .expect(200);
    expect(owned.body.items).toEqual([expect.objectContaining({ vin, ownerCustomerId: survivorId })]);

    expect(await harness.outboxPayloads('customer.merged', survivorId)).toEqual([
      {
        survivorId,
        mergedId: duplicateId,
        movedVehicleIds: [vehicle.body.vehicleId],
        survivor: expect.objectContaining({
          customerId: survivorId,
          phones: ['+8613700137000', '+8613600136000'],
        }),
      },
    ]);
    expect(await harness.outboxPayloads('vehicle.ownership-changed', vehicle.body.vehicleId)).toEqual([
      expect.objectContaining({
        ownerCustomerId: survivorId,
        previousOwnerCustomerId: duplicateId,
        reason: 'merge',
      }),
    ]);
    expect(await harness.outboxPayloads('customer.updated', survivorId)).toEqual([
      expect.objectContaining({
        changedFields: ['phones', 'emails', 'tags', 'birthday', 'gender', 'consents'],
      }),
    ]);
  });

  it('points duplicate checks at the survivor only once merged', async () => {
    const survivorId = await register({ kind: 'person', name: '赵六', phones: ['135 0013 5000'] });
    const duplicateId = await register({ kind: 'person', name: '钱七', phones: ['134 0013 4000'] });
    await harness
      .http()
      .post(`/customers/${survivorId}/merge`)
      .set('Authorization', agent)
      .send({ duplicateId })
      .expect(200);

    const probe = await harness
      .http()
      .post('/customers')
      .set('Authorization', agent)
      .send({ kind: 'person', name: '孙八', phones: ['+86 134 0013 4000'] })
      .expect(409);
    expect(probe.body.candidates).toEqual([
      expect.objectContaining({ customerId: survivorId, reasons: ['phone'] }),
    ]);
  });

  it('refuses merging a record into itself, a merged record, or an unknown one', async () => {
    const survivorId = await register({ kind: 'person', name: '周九', phones: ['133 0013 3000'] });
    const duplicateId = await register({ kind: 'person', name: '吴十', phones: ['132 0013 2000'] });
    const merge = (id: string, body: object) =>
      harness.http().post(`/customers/${id}/merge`).set('Authorization', agent).send(body);

    await merge(survivorId, { duplicateId: survivorId }).expect(400);
    await merge(survivorId, { duplicateId: 'not-a-uuid' }).expect(400);
    await merge(survivorId, { duplicateId: '5f0c3c1e-4d2b-4c1a-9f3e-2b6a7c8d9e0f' }).expect(404);
    await merge(survivorId, { duplicateId }).expect(200);
    const again = await merge(survivorId, { duplicateId }).expect(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body.detail).toContain('merged');
  });

  it('is not open to sales reps', async () => {
    const salesRep = await harness.as(['sales_rep']);
    const survivorId = await register({ kind: 'person', name: '郑十一', phones: ['131 0013 1000'] });
    await harness
      .http()
      .post(`/customers/${survivorId}/merge`)
      .set('Authorization', salesRep)
      .send({ duplicateId: '5f0c3c1e-4d2b-4c1a-9f3e-2b6a7c8d9e0f' })
      .expect(403);
  });

  it('lets only one of two opposite merges run at the same time win', async () => {
    const a = await register({ kind: 'person', name: '冯一', phones: ['135 0013 5111'] });
    const b = await register({ kind: 'person', name: '冯一', phones: ['135 0013 5222'] });
    const merge = (survivor: string, duplicate: string) =>
      harness
        .http()
        .post(`/customers/${survivor}/merge`)
        .set('Authorization', agent)
        .send({ duplicateId: duplicate });
    const statuses = (await Promise.all([merge(a, b), merge(b, a)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const rows = await harness.query<{ status: string }>(
      `SELECT status FROM customer_master.customer WHERE id = ANY($1) ORDER BY status`,
      [[a, b]],
    );
    expect(rows.map((row) => row.status)).toEqual(['active', 'merged']);
  });
});
