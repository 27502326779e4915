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

  it('keeps a preferred language, changes it, and carries it in the customer events', async () => {
    const created = await harness
      .http()
      .post('/customers')
      .set('Authorization', agent)
      .send({
        kind: 'person',
        name: 'John Smith',
        emails: ['john.smith@example.com'],
        preferredLanguage: 'en',
      })
      .expect(201);
    expect(created.body.preferredLanguage).toBe('en');
    const changed = await harness
      .http()
      .patch(`/customers/${created.body.id}`)
      .set('Authorization', agent)
      .send({ preferredLanguage: 'zh-CN' })
      .expect(200);
    expect(changed.body.preferredLanguage).toBe('zh-CN');
    const events = await harness.query<{ type: string; language: string }>(
      `SELECT envelope->>'type' AS type, envelope->'payload'->>'preferredLanguage' AS language
         FROM customer_master.outbox_message WHERE message_key = $1 ORDER BY seq`,
      [created.body.id],
    );
    expect(events).toEqual([
      { type: 'customer.registered', language: 'en' },
      { type: 'customer.updated', language: 'zh-CN' },
    ]);
    const bad = await harness
      .http()
      .post('/customers')
      .set('Authorization', agent)
      .send({ kind: 'person', name: 'Jane', preferredLanguage: 'fr' })
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'preferredLanguage' })]);
  });

  it('requires a token', async () => {
    const response = await harness.http().get('/customers').expect(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
