import { randomUUID } from 'node:crypto';
import {
  CustomerErased,
  CustomerRegistered,
  CustomerState,
  CustomerUpdated,
  EventEnvelope,
  Roles,
  topicFor,
} from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { eventually } from '@crm/testing';
import { addCatalog, CatalogFixture } from './catalog.fixture';
import { SalesHarness } from './sales.harness';

const NAME = '李秀英';
const PHONE = '+8613700137001';
const EMAIL = 'li.xiuying@example.com';

/** ADR 0013 in sales: a person's leads, replica and activities are erased, exported and their reads audited. */
describe('personal data in sales', () => {
  let sales: SalesHarness;
  let rep: string;
  let officer: string;
  const customerId = randomUUID();
  const state: CustomerState = {
    customerId,
    kind: 'person',
    name: NAME,
    namePinyin: 'li xiuying',
    phones: [PHONE],
    emails: [EMAIL],
    address: null,
    birthday: null,
    gender: 'female',
    tags: [],
    ownerSalesRepId: null,
    consents: [],
  };
  let catalog: CatalogFixture;
  const ids: { prospect?: string; lead?: string; opportunity?: string; activity?: string; quote?: string } =
    {};

  beforeAll(async () => {
    sales = await SalesHarness.start();
    await sales.tree([
      ['manager', null],
      ['rep', 'manager'],
    ]);
    rep = await sales.auth({ sub: 'rep', roles: [Roles.salesRep] });
    catalog = await addCatalog(sales);
    officer = await sales.auth({ sub: 'dpo', roles: [Roles.privacyOfficer] });
  });
  afterAll(() => sales?.stop());

  const processedBy = (event: EventEnvelope) =>
    eventually(async () =>
      expect(
        await sales.query(`SELECT 1 FROM sales.processed_event WHERE event_id = $1`, [event.id]),
      ).toHaveLength(1),
    );
  const exportOf = async (id: string) =>
    (
      await sales
        .http()
        .get(`/privacy/sales/customers/${id}/export`)
        .set('authorization', officer)
        .expect(200)
    ).body as { source: string; tables: Record<string, Array<Record<string, unknown>>> };
  /** Every text of every sales table, outbox and dead letters included. */
  const allText = async () => {
    const tables = await sales.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'sales' AND table_type = 'BASE TABLE'`,
    );
    const texts = await Promise.all(
      tables.map(({ table_name }) =>
        sales.query<{ row: string }>(`SELECT t::text AS row FROM sales.${table_name} t`),
      ),
    );
    return texts.flat().map((r) => r.row);
  };
  const mentions = (texts: string[]) =>
    texts.filter((text) => [NAME, PHONE, EMAIL, '13700137001'].some((value) => text.includes(value)));

  it("gathers the person's replica, leads (also a prospect's with their phone), opportunity, activity and reads", async () => {
    const prospect = await sales
      .http()
      .post('/leads')
      .set('authorization', rep)
      .send({ source: 'web_form', name: NAME, phone: '137 0013 7001', notes: `${NAME} 想要试驾` })
      .expect(201);
    ids.prospect = prospect.body.id;
    expect(prospect.body.customerId).toBeNull();
    await processedBy(await sales.publish(CustomerRegistered, customerId, state));

    const lead = await sales
      .http()
      .post('/leads')
      .set('authorization', rep)
      .send({ source: 'showroom_visit', name: NAME, email: EMAIL, interest: { model: 'Aurora S7' } })
      .expect(201);
    expect(lead.body.customerId).toBe(customerId);
    ids.lead = lead.body.id;
    const converted = await sales
      .http()
      .post(`/leads/${ids.lead}/convert`)
      .set('authorization', rep)
      .send({ amount: { amount: 189900 }, expectedCloseDate: '2026-12-31' })
      .expect(200);
    ids.opportunity = converted.body.opportunity.id;
    expect(converted.body.opportunity.name).toContain(NAME);
    const activity = await sales
      .http()
      .post('/activities')
      .set('authorization', rep)
      .send({
        type: 'call',
        subject: `致电 ${NAME}`,
        discussed: `${NAME} 的电话 ${PHONE}，关心续航`,
        nextStep: `发报价到 ${EMAIL}`,
        nextStepDue: '2026-12-05',
        occurredAt: '2026-11-29T10:00:00+08:00',
        opportunityId: ids.opportunity,
      })
      .expect(201);
    ids.activity = activity.body.id;
    await sales
      .http()
      .post(`/opportunities/${ids.opportunity}/lines`)
      .set('authorization', rep)
      .send({ trimId: catalog.trimId, quantity: 1, unitPrice: { amount: 189900 } })
      .expect(201);
    const quote = await sales
      .http()
      .post('/quotes')
      .set('authorization', rep)
      .send({
        opportunityId: ids.opportunity,
        validUntil: '2099-12-31',
        customerName: NAME,
        terms: `联系 ${PHONE}`,
      })
      .expect(201);
    ids.quote = quote.body.id;
    await sales.http().get('/leads').set('authorization', rep).expect(200);
    await sales.http().get(`/activities/${ids.activity}`).set('authorization', rep).expect(200);

    const part = await exportOf(customerId);
    expect(part.source).toBe('sales');
    expect(part.tables.customer_contact).toEqual([expect.objectContaining({ name: NAME, phones: [PHONE] })]);
    expect(part.tables.lead.map((row) => row.id).sort()).toEqual([ids.prospect, ids.lead].sort());
    expect(part.tables.opportunity).toEqual([expect.objectContaining({ id: ids.opportunity })]);
    expect(part.tables.opportunity_stage_history.length).toBeGreaterThan(0);
    expect(part.tables.activity).toEqual([expect.objectContaining({ id: ids.activity })]);
    expect(part.tables.quote).toEqual([expect.objectContaining({ id: ids.quote, customer_name: NAME })]);
    expect(part.tables.read_audit.map((row) => [row.actor_id, row.action])).toEqual(
      expect.arrayContaining([
        ['rep', 'lead.list'],
        ['rep', 'activity.read'],
      ]),
    );
  });

  it('records who read leads and activities, and the export itself', async () => {
    const rows = await sales.query<{ actor_id: string; roles: string[]; action: string; entity_id: string }>(
      `SELECT actor_id, roles, action, entity_id FROM sales.read_audit ORDER BY id`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { actor_id: 'rep', roles: [Roles.salesRep], action: 'activity.read', entity_id: ids.activity },
        { actor_id: 'dpo', roles: [Roles.privacyOfficer], action: 'customer.export', entity_id: customerId },
      ]),
    );
    // Sales audits without waiting for the flush (ADR 0023): the row is still there, whole, once the answer is.
    const [list] = await sales.query<{ result_ids: string[] }>(
      `SELECT result_ids FROM sales.read_audit WHERE action = 'lead.list' ORDER BY id LIMIT 1`,
    );
    expect(list.result_ids).toEqual(expect.arrayContaining([ids.prospect, customerId]));
  });

  it('lets only privacy officers (and admins) take the export: a salesperson gets 403', async () => {
    await sales
      .http()
      .get(`/privacy/sales/customers/${customerId}/export`)
      .set('authorization', rep)
      .expect(403);
    const admin = await sales.auth({ sub: 'admin', roles: [Roles.admin] });
    await sales
      .http()
      .get(`/privacy/sales/customers/${customerId}/export`)
      .set('authorization', admin)
      .expect(200);
  });

  it('erases the person and keeps the business records unlinked: amount and stage stay', async () => {
    // Before: the lead.captured events in the outbox carry the person's name and phone.
    expect(mentions(await allText())).not.toEqual([]);
    await processedBy(
      await sales.publish(CustomerErased, customerId, { customerId, erasedAt: new Date().toISOString() }),
    );

    expect(mentions(await allText())).toEqual([]);
    expect(await sales.query(`SELECT customer_id FROM sales.erased_customer`)).toEqual([
      { customer_id: customerId },
    ]);
    const leads = await sales.query(
      `SELECT name, phone, email, notes, customer_id FROM sales.lead WHERE id = ANY($1)`,
      [[ids.prospect, ids.lead]],
    );
    expect(leads).toEqual([
      { name: '[erased]', phone: null, email: null, notes: null, customer_id: null },
      { name: '[erased]', phone: null, email: null, notes: null, customer_id: null },
    ]);
    const [opportunity] = await sales.query<Record<string, unknown>>(
      `SELECT amount, stage, customer_id, lead_id, name FROM sales.opportunity WHERE id = $1`,
      [ids.opportunity],
    );
    expect(opportunity).toMatchObject({ amount: '189900.00', customer_id: null, lead_id: ids.lead });
    expect(opportunity.name).toContain('Aurora S7');
    const [activity] = await sales.query(
      `SELECT type, subject, discussed, next_step, customer_id, occurred_at FROM sales.activity WHERE id = $1`,
      [ids.activity],
    );
    expect(activity).toMatchObject({
      type: 'call',
      subject: '[erased]',
      discussed: '[erased]',
      next_step: null,
      customer_id: null,
    });
  });

  it('leaves nothing of the person in the export or the lists', async () => {
    const part = await exportOf(customerId);
    for (const table of [
      'customer_contact',
      'lead',
      'opportunity',
      'opportunity_stage_history',
      'quote',
      'activity',
    ])
      expect([table, part.tables[table]]).toEqual([table, []]);
    const lists = await Promise.all(
      [
        '/leads',
        '/opportunities',
        '/activities',
        `/leads/${ids.lead}`,
        `/activities/${ids.activity}`,
        `/opportunities/${ids.opportunity}`,
      ].map(async (path) =>
        JSON.stringify((await sales.http().get(path).set('authorization', rep).expect(200)).body),
      ),
    );
    expect(mentions(lists)).toEqual([]);
    for (const path of ['/opportunities', '/activities'])
      expect(
        (await sales.http().get(path).query({ customerId }).set('authorization', rep).expect(200)).body.items,
      ).toEqual([]);
  });

  it('treats a redelivered erasure as a no-op and ignores a replayed customer event (tombstone)', async () => {
    // The outbox by event id only: the relay may publish a row (changing its state) between two snapshots.
    const snapshot = async () =>
      Promise.all([
        ...['customer_contact', 'erased_customer', 'lead', 'opportunity', 'activity'].map((table) =>
          sales.query(`SELECT t::text AS row FROM sales.${table} t ORDER BY 1`),
        ),
        sales.query(`SELECT event_id::text AS row FROM sales.outbox_message ORDER BY 1`),
      ]);
    const before = await snapshot();
    const again = await sales.publish(CustomerErased, customerId, {
      customerId,
      erasedAt: new Date().toISOString(),
    });
    await processedBy(again);
    // The same message once more (a redelivery), then an old update of the person on the same partition.
    await sales.app
      .get(MessageTransport)
      .publish([
        { topic: topicFor(CustomerErased), key: customerId, value: JSON.stringify(again), headers: {} },
      ]);
    await processedBy(
      await sales.publish(CustomerUpdated, customerId, { ...state, changedFields: ['name'] }),
    );

    expect(await snapshot()).toEqual(before);
    expect(
      await sales.query(`SELECT count(*)::int AS n FROM sales.processed_event WHERE event_id = $1`, [
        again.id,
      ]),
    ).toEqual([{ n: 1 }]);
  });
});
