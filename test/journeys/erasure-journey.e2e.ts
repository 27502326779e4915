import { CustomerErased, topicFor } from '@crm/contracts';
import { tombstonesSkipped } from '@crm/messaging';
import { eventually, readTopicRecords } from '@crm/testing';
import { withCheckDigit } from '@crm/app-customer-master';
import { PlatformUnderTest } from './platform-under-test';
import { WebhookReceiver } from './webhook-receiver';

const HANGZHOU = { lat: 30.2741, lon: 120.1551 };
const NAME = '欧阳翠花';
const PHONE = '13700001111';
const VIN = withCheckDigit('LDCA1B2C0NA654321');
const APPS = ['customerMaster', 'callCenter', 'service', 'sales', 'campaigns'] as const;
/** What analytics holds about the customer before the erasure: no name, phone or VIN, only their id. */
const ANALYTICS_HELD = { profiles: 1, repairs: 1, vehicles: 1, leads: 1, anonymousRepairs: 0 };
const NONE_HELD = { profiles: 0, repairs: 0, vehicles: 0, leads: 0, anonymousRepairs: 0 };

interface Column {
  table_schema: string;
  table_name: string;
  column_name: string;
}

/** Every text, character, array and JSON column of every table in one app's database that holds `needle`. */
async function placesHolding(platform: PlatformUnderTest, app: (typeof APPS)[number], needle: string) {
  const columns = await platform.query<Column>(
    app,
    `SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY'))`,
  );
  const found: string[] = [];
  for (const c of columns) {
    const [{ n }] = await platform.query<{ n: number }>(
      app,
      `SELECT count(*)::int AS n FROM "${c.table_schema}"."${c.table_name}" WHERE "${c.column_name}"::text LIKE $1`,
      [`%${needle}%`],
    );
    if (n > 0) found.push(`${app}: ${c.table_schema}.${c.table_name}.${c.column_name} (${n})`);
  }
  return found;
}

/**
 * The right to erasure across separate services over Kafka: after a customer with a ticket and a repair
 * is erased, no table of any service holds their name, phone or VIN, and later events do not bring them back.
 */
describe('an erased customer is gone from every service', () => {
  let platform: PlatformUnderTest;
  let hooks: WebhookReceiver;
  let admin: string;
  let agent: string;
  let officer: string;
  let rep: string;
  let leadId: string;

  /** The analytics rows that name the customer, table by table, and their paid repairs kept without a name. */
  const analyticsRows = async () => {
    const [row] = await platform.query<Record<string, number>>(
      'analytics',
      `SELECT (SELECT count(*) FROM analytics.value_customer WHERE customer_id = $1)::int AS profiles,
         (SELECT count(*) FROM analytics.repair_fact WHERE customer_id = $1)::int AS repairs,
         (SELECT count(*) FROM analytics.vehicle_model WHERE owner_customer_id = $1)::int AS vehicles,
         (SELECT count(*) FROM analytics.lead_fact WHERE customer_id = $1)::int AS leads,
         (SELECT count(*) FROM analytics.repair_fact WHERE customer_id IS NULL)::int AS "anonymousRepairs"`,
      [customerId],
    );
    return row;
  };
  let customerId: string;
  let ticketId: string;
  let stationId: string;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    hooks = await WebhookReceiver.start();
    admin = await platform.as(['admin']);
    agent = await platform.as(['agent']);
    officer = await platform.as(['privacy_officer']);
    rep = `Bearer ${await platform.tokens.sign({ sub: 'rep', roles: ['sales_rep'] })}`;
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    await hooks?.stop();
  });

  it('registers the customer and their car, opens a ticket and repairs it', async () => {
    stationId = (
      await platform
        .customerMaster()
        .post('/partners')
        .set('Authorization', admin)
        .send({
          kind: 'repair_station',
          code: 'RS-HZ-1',
          name: '杭州维修站',
          location: HANGZHOU,
          brands: ['Aurora'],
          skills: ['brakes'],
          capacity: 5,
        })
        .expect(201)
    ).body.partnerId;
    customerId = (
      await platform
        .customerMaster()
        .post('/customers')
        .set('Authorization', agent)
        .send({
          kind: 'person',
          name: NAME,
          phones: [PHONE],
          address: { city: '杭州市', location: HANGZHOU },
          consents: [{ channel: 'sms', granted: true, source: 'call-center' }],
        })
        .expect(201)
    ).body.id;
    // The station's webhook gets a copy of each ticket; the dev mailbox keeps the customer's SMS.
    await eventually(() =>
      platform
        .service()
        .put(`/stations/${stationId}/webhook`)
        .set('Authorization', admin)
        .send({ url: `${hooks.baseUrl}/hz` })
        .expect(200),
    );
    const vehicleId = (
      await platform
        .customerMaster()
        .post(`/customers/${customerId}/vehicles`)
        .set('Authorization', agent)
        .send({ vin: VIN, brand: 'Aurora', model: 'A6 Sedan', modelYear: 2023, purchaseDate: '2023-06-18' })
        .expect(201)
    ).body.vehicleId;
    const opened = await eventually(() =>
      platform
        .service()
        .post('/tickets')
        .set('Authorization', agent)
        .send({
          customerId,
          vehicleId,
          qualityType: 'brakes',
          description: `${NAME} 来电：刹车异响，回电 ${PHONE}`,
          channel: 'phone',
          location: HANGZHOU,
        })
        .expect(201),
    );
    ticketId = opened.body.ticketId;
    expect(opened.body.stationId).toBe(stationId);
    const station = await platform.as(['repair_station'], { id: stationId, kind: 'repair_station' });
    for (const [step, body] of [
      ['accept', {}],
      ['progress', { note: `called ${NAME} back on ${PHONE}` }],
      [
        'resolve',
        {
          workDone: `new pads for ${VIN}`,
          parts: [],
          cost: { amount: 300, currency: 'CNY' },
          technician: '王师傅',
        },
      ],
    ] as const)
      await platform
        .service()
        .post(`/station/tickets/${ticketId}/${step}`)
        .set('Authorization', station)
        .send(body)
        .expect(200);
    await platform
      .service()
      .post(`/tickets/${ticketId}/satisfaction`)
      .set('Authorization', agent)
      .send({ score: 4, comment: `${NAME} says thanks` })
      .expect(200);
    await eventually(async () => {
      const { body } = await platform
        .callCenter()
        .get(`/customers/${customerId}/360`)
        .set('Authorization', agent)
        .expect(200);
      expect(body.repairs).toHaveLength(1);
    }, 30_000);
    // Sales matched the person from the customer events: a lead by phone, and a call about it.
    await platform
      .sales()
      .put('/sales-team/members/rep')
      .set('Authorization', admin)
      .send({ name: 'rep' })
      .expect(200);
    await eventually(async () =>
      expect(
        await platform.query('sales', `SELECT 1 FROM sales.customer_contact WHERE customer_id = $1`, [
          customerId,
        ]),
      ).toHaveLength(1),
    );
    await eventually(async () =>
      expect(
        await platform.query('campaigns', `SELECT 1 FROM campaigns.customer WHERE id = $1`, [customerId]),
      ).toHaveLength(1),
    );
    const lead = await platform
      .sales()
      .post('/leads')
      .set('Authorization', rep)
      .send({ source: 'call_center', name: NAME, phone: PHONE, notes: `${NAME} 想换车` })
      .expect(201);
    expect(lead.body.customerId).toBe(customerId);
    leadId = lead.body.id;
    await platform
      .sales()
      .post('/activities')
      .set('Authorization', rep)
      .send({ type: 'call', subject: `回电 ${NAME}`, discussed: `${PHONE} 询问置换`, leadId })
      .expect(201);
    await eventually(async () => {
      expect(await placesHolding(platform, 'service', PHONE)).toEqual(
        expect.arrayContaining([expect.stringContaining('dev_mailbox_message')]),
      );
      expect(await placesHolding(platform, 'service', VIN)).toEqual(
        expect.arrayContaining([expect.stringContaining('webhook_delivery.body')]),
      );
    }, 30_000);
    for (const app of APPS) expect(await placesHolding(platform, app, PHONE)).not.toEqual([]);
  }, 90_000);

  it('audits reads of personal data by staff and partners: who, what, when', async () => {
    const station = await platform.as(['repair_station'], { id: stationId, kind: 'repair_station' });
    await platform.callCenter().get(`/customers/${customerId}/360`).set('Authorization', agent).expect(200);
    await platform.callCenter().get(`/lookup?q=${PHONE}`).set('Authorization', agent).expect(200);
    await platform.service().get('/dev/mailbox').set('Authorization', admin).expect(200);
    await platform.service().get(`/station/tickets/${ticketId}`).set('Authorization', station).expect(200);
    await platform.customerMaster().get(`/customers/${customerId}`).set('Authorization', agent).expect(200);
    const audit = (app: (typeof APPS)[number], schema: string) =>
      platform.query<{
        action: string;
        entity_id: string | null;
        result_ids: string[];
        partner_id: string | null;
      }>(
        app,
        `SELECT action, entity_id, result_ids, partner_id, actor_id, at FROM ${schema}.read_audit ORDER BY id`,
      );
    expect(await audit('callCenter', 'call_center')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'customer.360', entity_id: customerId }),
        expect.objectContaining({ action: 'customer.lookup', result_ids: [customerId] }),
      ]),
    );
    expect(await audit('service', 'service')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'dev-mailbox.read' }),
        expect.objectContaining({
          action: 'station.ticket.read',
          entity_id: ticketId,
          partner_id: stationId,
        }),
      ]),
    );
    expect(await audit('customerMaster', 'customer_master')).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'customer.read', entity_id: customerId })]),
    );
  });

  it('exports everything every service holds about them, for privacy officers and admins only, audited', async () => {
    for (const caller of [agent, rep])
      await platform
        .customerMaster()
        .get(`/customers/${customerId}/export`)
        .set('Authorization', caller)
        .expect(403);
    const campaignsServiceHistory = () =>
      platform.query('campaigns', `SELECT 1 FROM campaigns.customer_service WHERE customer_id = $1`, [
        customerId,
      ]);
    await eventually(async () => expect(await campaignsServiceHistory()).toHaveLength(1));
    await eventually(async () => expect(await analyticsRows()).toEqual(ANALYTICS_HELD));
    const { body } = await platform
      .customerMaster()
      .get(`/customers/${customerId}/export`)
      .set('Authorization', officer)
      .expect(200);
    const part = (source: string) => body.parts.find((p: { source: string }) => p.source === source).tables;
    expect(body.parts.map((p: { source: string }) => p.source)).toEqual([
      'customer-master',
      'service',
      'call-center',
      'sales',
      'campaigns',
      'analytics',
    ]);
    expect(part('analytics').repair_fact).toEqual([expect.objectContaining({ customer_id: customerId })]);
    expect(part('analytics').vehicle_model).toEqual([
      expect.objectContaining({ owner_customer_id: customerId, model: 'A6 Sedan' }),
    ]);
    expect(part('analytics').lead_fact).toEqual([expect.objectContaining({ lead_id: leadId })]);
    expect(part('analytics').value_customer).toHaveLength(1);
    expect(part('campaigns').customer).toEqual([expect.objectContaining({ id: customerId, name: NAME })]);
    expect(part('campaigns').customer_service).toEqual([
      expect.objectContaining({ customer_id: customerId, last_service_at: expect.any(String) }),
    ]);
    expect(part('sales').lead).toEqual([expect.objectContaining({ id: leadId, name: NAME })]);
    expect(part('sales').activity).toHaveLength(1);
    expect(part('customer-master').customer[0]).toMatchObject({ id: customerId, name: NAME });
    expect(part('customer-master').vehicle[0]).toMatchObject({ vin: VIN });
    expect(part('service').ticket[0]).toMatchObject({
      id: ticketId,
      satisfaction_comment: `${NAME} says thanks`,
    });
    expect(part('service').repair_record).toHaveLength(1);
    expect(JSON.stringify(part('service').dev_mailbox_message)).toContain(PHONE);
    expect(part('call-center').customer[0]).toMatchObject({ name: NAME });
    expect(part('call-center').repair).toHaveLength(1);
    expect(part('service').webhook_delivery).toHaveLength(1);
    expect(part('call-center').read_audit).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'customer.360', entity_id: customerId })]),
    );
    expect(part('customer-master').read_audit).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'customer.read' })]),
    );
    const audited = await platform.query(
      'customerMaster',
      `SELECT actor_id FROM customer_master.audit_log WHERE entity_id = $1 AND action = 'customer.exported'`,
      [customerId],
    );
    expect(audited).toHaveLength(1);
    const csv = await platform
      .customerMaster()
      .get(`/customers/${customerId}/export/csv?table=service.ticket`)
      .set('Authorization', admin)
      .expect(200)
      .expect('content-type', /text\/csv/);
    expect(csv.text.split('\r\n')[0]).toContain('"description"');
    expect(csv.text).toContain(ticketId);
  });

  it('erases them: no table of any service holds their name, phone or VIN', async () => {
    await platform
      .customerMaster()
      .post(`/customers/${customerId}/erase`)
      .set('Authorization', rep)
      .expect(403);
    await platform
      .customerMaster()
      .post(`/customers/${customerId}/erase`)
      .set('Authorization', officer)
      .expect(200);
    await eventually(async () => {
      const found: string[] = [];
      for (const app of APPS)
        for (const needle of [NAME, PHONE, VIN]) found.push(...(await placesHolding(platform, app, needle)));
      expect(found).toEqual([]);
    }, 60_000);
    // analytics keeps facts about them by id only: the rows stay, counted, without it; their profile goes.
    await eventually(async () =>
      expect(await analyticsRows()).toEqual({ ...NONE_HELD, anonymousRepairs: 1 }),
    );
    // campaigns keeps the person's service history by id only; it goes too.
    await eventually(async () =>
      expect(
        await platform.query('campaigns', `SELECT 1 FROM campaigns.customer_service WHERE customer_id = $1`, [
          customerId,
        ]),
      ).toEqual([]),
    );
  }, 90_000);

  it('ends their messages on crm.customer.v1 with a tombstone, which no service parks', async () => {
    const types = async () =>
      (await readTopicRecords(`${platform.kafkaNamespace}${topicFor(CustomerErased)}`))
        .filter((record) => record.key === customerId)
        .map((record) =>
          record.value === null ? null : (JSON.parse(record.value) as { type: string }).type,
        );
    await eventually(async () => expect((await types()).slice(-2)).toEqual(['customer.erased', null]));
    const consumers = [
      ['callCenter', 'call-center', 'call_center'],
      ['service', 'service', 'service'],
      ['sales', 'sales', 'sales'],
      ['campaigns', 'campaigns', 'campaigns'],
      ['analytics', 'analytics', 'analytics'],
    ] as const;
    // Every service that reads customers has met the tombstone (the counter is this process's, shared by them)...
    await eventually(async () => {
      const met = (await tombstonesSkipped.get()).values
        .filter((value) => value.labels.topic === topicFor(CustomerErased) && value.value > 0)
        .map((value) => value.labels.service);
      expect(new Set(met)).toEqual(new Set(consumers.map(([, service]) => service)));
    });
    // ...and none parked it.
    for (const [app, , schema] of consumers)
      expect(await platform.query(app, `SELECT consumer, reason FROM ${schema}.dead_letter`)).toEqual([]);
  }, 60_000);

  it('is not brought back into the call center by a later ticket event', async () => {
    await platform.service().post(`/tickets/${ticketId}/close`).set('Authorization', agent).expect(200);
    await platform
      .service()
      .post(`/tickets/${ticketId}/reopen`)
      .set('Authorization', agent)
      .send({ reason: 'customer called again' })
      .expect(200);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const tickets = await platform.query(
      'callCenter',
      `SELECT 1 FROM call_center.ticket WHERE customer_id = $1 UNION ALL
       SELECT 1 FROM call_center.repair WHERE customer_id = $1`,
      [customerId],
    );
    expect(tickets).toEqual([]);
  }, 30_000);
});
