import { CustomerMasterHarness } from './customer-master.harness';

describe('customer registration', () => {
  let harness: CustomerMasterHarness;
  let agent: string;

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start();
    agent = await harness.as(['agent']);
  });
  afterAll(() => harness.stop());

  it('registers a customer with normalized phone and pinyin', async () => {
    const response = await harness
      .http()
      .post('/customers')
      .set('Authorization', agent)
      .send({ kind: 'person', name: '张三', phones: ['138 0013 8000'], emails: ['Zhang.San@Example.com'] })
      .expect(201);
    expect(response.body).toMatchObject({
      name: '张三',
      nameLatin: 'zhang san',
      phones: ['+8613800138000'],
      emails: ['zhang.san@example.com'],
    });
    const fetched = await harness
      .http()
      .get(`/customers/${response.body.id}`)
      .set('Authorization', agent)
      .expect(200);
    expect(fetched.body.id).toBe(response.body.id);
  });

  it('answers 409 with the candidate when the same phone is written differently', async () => {
    const first = await harness
      .http()
      .post('/customers')
      .set('Authorization', agent)
      .send({ kind: 'person', name: '李四', phones: ['139 0013 9000'] })
      .expect(201);
    const duplicate = await harness
      .http()
      .post('/customers')
      .set('Authorization', agent)
      .send({ kind: 'person', name: 'Li Si', phones: ['+86 13900139000'] })
      .expect(409);
    expect(duplicate.headers['content-type']).toContain('application/problem+json');
    expect(duplicate.body.candidates).toEqual([
      expect.objectContaining({ customerId: first.body.id, reasons: ['phone'] }),
    ]);
    await harness
      .http()
      .post('/customers?allowDuplicate=true')
      .set('Authorization', agent)
      .send({ kind: 'person', name: 'Li Si', phones: ['+86 13900139000'] })
      .expect(201);
  });

  it('requires a token', async () => {
    const response = await harness.http().get('/customers').expect(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
