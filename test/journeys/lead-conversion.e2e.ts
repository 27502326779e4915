import { CSRF_HEADER, SESSION_COOKIE } from '@crm/auth';
import { Roles } from '@crm/contracts';
import { CustomerMasterHarness } from '../../apps/customer-master/test/customer-master.harness';
import { SalesHarness } from '../../apps/sales/test/sales.harness';

/**
 * sales and customer-master as two applications on their own databases, one Kafka namespace and one
 * token issuer: converting a lead registers its customer through customer-master's API, on behalf of
 * the caller, so customer-master's duplicate rules decide.
 */
describe('lead conversion through the customer master', () => {
  let master: CustomerMasterHarness;
  let sales: SalesHarness;
  let rep: string;
  let admin: string;

  beforeAll(async () => {
    master = await CustomerMasterHarness.start();
    await master.app.listen(0, '127.0.0.1');
    const customerMasterUrl = (await master.app.getUrl()).replace('[::1]', '127.0.0.1');
    sales = await SalesHarness.start({
      kafkaNamespace: master.kafkaNamespace,
      tokens: master.tokens,
      customerMasterUrl,
    });
    await sales.tree([
      ['manager', null],
      ['rep', 'manager'],
    ]);
    rep = await sales.auth({ sub: 'rep', roles: [Roles.salesRep] });
    admin = await master.as([Roles.admin]);
  }, 120_000);

  afterAll(async () => {
    await sales?.stop();
    await master?.stop();
  });

  const capture = async (body: object, authorization = rep) =>
    (
      await sales
        .http()
        .post('/leads')
        .set('authorization', authorization)
        .send({ source: 'web_form', interest: { model: 'Aurora S7' }, ...body })
        .expect(201)
    ).body as { id: string; customerId: string | null };
  const convert = (id: string, body: object = {}, authorization = rep) =>
    sales.http().post(`/leads/${id}/convert`).set('authorization', authorization).send(body);
  const customersWithPhone = (phone: string) =>
    master.query(`SELECT customer_id AS id FROM customer_master.customer_phone WHERE e164 = $1`, [phone]);

  it('registers a new customer, opens one opportunity, and answers the same when converted again', async () => {
    const lead = await capture({ name: '吴昊', phone: '13755550001' });
    expect(lead.customerId).toBeNull();
    const first = await convert(lead.id).expect(200);
    const [customer] = await customersWithPhone('+8613755550001');
    expect(first.body).toMatchObject({
      leadId: lead.id,
      customerId: customer.id,
      opportunity: { customerId: customer.id, leadId: lead.id, ownerId: 'rep' },
    });
    const again = await convert(lead.id).expect(200);
    expect(again.body).toEqual(first.body);
    expect(await customersWithPhone('+8613755550001')).toHaveLength(1);
    expect(await sales.query(`SELECT id FROM sales.opportunity WHERE lead_id = $1`, [lead.id])).toHaveLength(
      1,
    );
    const events = (await sales.outbox('lead.converted')).filter((e) => e.aggregateId === lead.id);
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ customerId: customer.id, opportunityId: first.body.opportunity.id }),
    ]);
  });

  it('registers the customer on behalf of a rep signed in to the console by its session cookie', async () => {
    const lead = await capture({ name: '钱程', phone: '13755550090' });
    const converted = await sales
      .http()
      .post(`/leads/${lead.id}/convert`)
      .set('Cookie', `${SESSION_COOKIE}=${rep.replace(/^Bearer /, '')}`)
      .set(CSRF_HEADER, '1')
      .send({})
      .expect(200);
    const [customer] = await customersWithPhone('+8613755550090');
    expect(converted.body).toMatchObject({ customerId: customer.id, opportunity: { ownerId: 'rep' } });
  });

  it('creates one customer and one opportunity when the same lead is converted twice at once', async () => {
    const lead = await capture({ name: '徐丽', phone: '13755550002' });
    const [a, b] = await Promise.all([convert(lead.id).expect(200), convert(lead.id).expect(200)]);
    expect(a.body).toEqual(b.body);
    expect(await customersWithPhone('+8613755550002')).toHaveLength(1);
    expect(await sales.query(`SELECT id FROM sales.opportunity WHERE lead_id = $1`, [lead.id])).toHaveLength(
      1,
    );
  });

  it('links the lead to the one existing customer the customer master finds as a duplicate', async () => {
    const lead = await capture({ name: '杨帆', phone: '13755550003' });
    const existing = await master.registerCustomer(
      { kind: 'person', name: '杨帆', phones: ['13755550003'] },
      admin,
    );
    const converted = await convert(lead.id).expect(200);
    expect(converted.body).toMatchObject({ customerId: existing, opportunity: { customerId: existing } });
    expect(await customersWithPhone('+8613755550003')).toHaveLength(1);
  });

  it('answers 409 with the candidates when several customers fit, then converts to the one picked', async () => {
    const lead = await capture({ name: '刘洋', phone: '13755550004' });
    const register = (name: string) =>
      master
        .http()
        .post('/customers?allowDuplicate=true')
        .set('authorization', admin)
        .send({ kind: 'person', name, phones: ['13755550004'] })
        .expect(201);
    const one = (await register('刘洋')).body.id;
    const other = (await register('刘阳')).body.id;
    const ambiguous = await convert(lead.id).expect(409);
    expect(ambiguous.headers['content-type']).toContain('application/problem+json');
    expect(ambiguous.body.candidates.map((c: { customerId: string }) => c.customerId).sort()).toEqual(
      [one, other].sort(),
    );
    const unchanged = await sales.http().get(`/leads/${lead.id}`).set('authorization', rep).expect(200);
    expect(unchanged.body).toMatchObject({ status: 'new', opportunityId: null });

    const picked = await convert(lead.id, { customerId: other }).expect(200);
    expect(picked.body.customerId).toBe(other);
    const unknown = await capture({ name: '孙婷', phone: '13755550005' });
    const notVisible = await convert(unknown.id, {
      customerId: '00000000-0000-4000-8000-000000000001',
    }).expect(400);
    expect(notVisible.body.errors).toEqual([expect.objectContaining({ field: 'customerId' })]);
  });

  it('shows a dealer only the candidates it may see', async () => {
    const dealerId = '3f1b2c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';
    const dealer = await sales.auth({ sub: 'dealer-sales', roles: [Roles.dealer], partnerId: dealerId });
    const lead = await capture({ source: 'dealer', name: '陈静', phone: '13755550006' }, dealer);
    await master.registerCustomer({ kind: 'person', name: '陈静', phones: ['13755550006'] }, admin);
    const hidden = await convert(lead.id, {}, dealer).expect(409);
    expect(hidden.body.candidates).toEqual([]);
    expect(await customersWithPhone('+8613755550006')).toHaveLength(1);
  });

  it('answers 503 and leaves the lead unconverted while the customer master is down', async () => {
    const cut = await SalesHarness.start({
      kafkaNamespace: master.kafkaNamespace,
      customerMasterUrl: 'http://127.0.0.1:9',
    });
    try {
      await cut.tree([['rep', null]]);
      const as = await cut.auth({ sub: 'rep', roles: [Roles.salesRep] });
      const lead = await cut
        .http()
        .post('/leads')
        .set('authorization', as)
        .send({ source: 'web_form', name: '赵六', phone: '13755550007' })
        .expect(201);
      const down = await cut
        .http()
        .post(`/leads/${lead.body.id}/convert`)
        .set('authorization', as)
        .send({})
        .expect(503);
      expect(down.headers['content-type']).toContain('application/problem+json');
      const read = await cut.http().get(`/leads/${lead.body.id}`).set('authorization', as).expect(200);
      expect(read.body).toMatchObject({ status: 'new', customerId: null, opportunityId: null });
      expect(await cut.query(`SELECT id FROM sales.opportunity`)).toEqual([]);
      expect(await cut.outbox('lead.converted')).toEqual([]);
    } finally {
      await cut.stop();
    }
  });
});
