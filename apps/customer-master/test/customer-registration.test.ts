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

  describe('under an Idempotency-Key', () => {
    const registerUnder = (key: string, authorization: string, name = '周密', phones = ['13600136001']) =>
      harness
        .http()
        .post('/customers')
        .set('Authorization', authorization)
        .set('Idempotency-Key', key)
        .send({ kind: 'person', name, phones });
    const customersWithPhone = (e164: string) =>
      harness.query(`SELECT customer_id FROM customer_master.customer_phone WHERE e164 = $1`, [e164]);

    it('answers the customer the first registration made, when sent again and when sent twice at once', async () => {
      const first = await registerUnder('lead:retried', agent).expect(201);
      const again = await registerUnder('lead:retried', agent).expect(201);
      expect(again.body.id).toBe(first.body.id);
      const [a, b] = await Promise.all([
        registerUnder('lead:twice', agent, '周全', ['13600136002']),
        registerUnder('lead:twice', agent, '周全', ['13600136002']),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
      expect(await customersWithPhone('+8613600136002')).toHaveLength(1);
    });

    it("does not answer another partner's registration under the same key", async () => {
      const admin = await harness.as(['admin']);
      const dealerId = await harness
        .http()
        .post('/partners')
        .set('Authorization', admin)
        .send({ kind: 'dealer', code: 'D-KEY', name: 'Dealer key', location: { lat: 31.2, lon: 121.4 } })
        .expect(201)
        .then((r) => r.body.partnerId as string);
      const dealer = await harness.as(['dealer'], { id: dealerId, kind: 'dealer' });
      const staffs = await registerUnder('lead:shared-key', agent, '周到', ['13600136003']).expect(201);
      const dealers = await registerUnder('lead:shared-key', dealer, '周游', ['13600136004']).expect(201);
      expect(dealers.body.id).not.toBe(staffs.body.id);
      expect(dealers.body.name).toBe('周游');
    });

    it('refuses a key that is not 1 to 200 visible ASCII characters, naming the header', async () => {
      const refused = await registerUnder('x'.repeat(201), agent).expect(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    });
  });

  it('requires a token', async () => {
    const response = await harness.http().get('/customers').expect(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
