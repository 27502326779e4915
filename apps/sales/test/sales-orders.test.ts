import { randomBytes } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { EventEnvelope, OrderPlaced, Roles, topicFor, validateEvent } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { addCatalog, CatalogFixture } from './catalog.fixture';
import { SalesHarness } from './sales.harness';

const DEALER = '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const OTHER_DEALER = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const CUSTOMER = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a';

/** Orders placed over HTTP reach consumers on Kafka as order.placed, with what analytics and campaigns need. */
describe('orders from accepted quotes and won opportunities', () => {
  const namespace = `t${randomBytes(4).toString('hex')}.`;
  const received: EventEnvelope[] = [];
  let sales: SalesHarness;
  let consumer: Consumer;
  let rep: string;
  let dealer: string;
  let catalog: CatalogFixture;

  beforeAll(async () => {
    sales = await SalesHarness.start({ kafkaNamespace: namespace });
    await sales.tree([
      ['rep', null],
      ['other-rep', null],
    ]);
    rep = await sales.auth({ sub: 'rep', roles: [Roles.salesRep] });
    dealer = await sales.auth({ sub: 'dealer-sales', roles: [Roles.dealer], partnerId: DEALER });
    catalog = await addCatalog(sales);
    const kafka = new Kafka({
      brokers: [process.env.TEST_KAFKA_BROKERS as string],
      logLevel: logLevel.NOTHING,
    });
    const topic = `${namespace}${topicFor(OrderPlaced)}`;
    // The probe listens before the first order is placed, so it creates the topic the relay would.
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
    await admin.disconnect();
    consumer = kafka.consumer({ groupId: `${namespace}order-probe` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push(JSON.parse(String(message.value)));
      },
    });
  }, 120_000);

  afterAll(async () => {
    await consumer?.disconnect();
    await sales?.stop();
  });

  async function dealWithLines(as: string, body: object = {}): Promise<string> {
    const opened = await sales
      .http()
      .post('/opportunities')
      .set('authorization', as)
      .send({ name: '刘洋 - Aurora S7', region: 'CN-SH', customerId: CUSTOMER, ...body })
      .expect(201);
    await sales
      .http()
      .post(`/opportunities/${opened.body.id}/lines`)
      .set('authorization', as)
      .send({ trimId: catalog.trimId, quantity: 2, discount: 9800 })
      .expect(201);
    return opened.body.id;
  }

  async function acceptedQuote(as: string, opportunityId: string): Promise<string> {
    const quote = await sales
      .http()
      .post('/quotes')
      .set('authorization', as)
      .send({ opportunityId, validUntil: '2099-12-31' })
      .expect(201);
    await sales.http().post(`/quotes/${quote.body.id}/send`).set('authorization', as).expect(200);
    await sales.http().post(`/quotes/${quote.body.id}/accept`).set('authorization', as).expect(200);
    return quote.body.id;
  }

  it('publishes order.placed for an order of a dealer’s accepted quote, once per deal', async () => {
    const opportunityId = await dealWithLines(dealer);
    const draft = await sales
      .http()
      .post('/quotes')
      .set('authorization', dealer)
      .send({ opportunityId, validUntil: '2099-12-31' })
      .expect(201);
    const notAccepted = await sales
      .http()
      .post('/orders')
      .set('authorization', dealer)
      .send({ quoteId: draft.body.id })
      .expect(409);
    expect(notAccepted.body.field).toBe('quoteId');
    const quoteId = await acceptedQuote(dealer, opportunityId);

    const placed = await sales
      .http()
      .post('/orders')
      .set('authorization', dealer)
      .send({ quoteId })
      .expect(201);
    expect(placed.body).toMatchObject({
      number: expect.stringMatching(/^SO\d{4}-\d{6}$/),
      quoteId,
      opportunityId,
      dealerId: DEALER,
      ownerId: 'dealer-sales',
      total: { amount: 510000, currency: 'CNY' },
    });
    await sales.http().post('/orders').set('authorization', dealer).send({ quoteId }).expect(409);

    const event = await eventually(async () => {
      const found = received.find((e) => e.aggregateId === placed.body.id);
      expect(found).toBeDefined();
      return found as EventEnvelope;
    });
    expect(() => validateEvent(event)).not.toThrow();
    expect(event).toMatchObject({
      type: 'order.placed',
      aggregateType: 'order',
      producer: 'sales',
      payload: {
        orderId: placed.body.id,
        number: placed.body.number,
        opportunityId,
        quoteId,
        customerId: CUSTOMER,
        dealerId: DEALER,
        ownerId: 'dealer-sales',
        items: [
          {
            trimId: catalog.trimId,
            trimName: '长续航版 Long Range',
            modelId: catalog.modelId,
            modelName: 'Aurora S7 极光',
            quantity: 2,
            unitPrice: 259900,
            discount: 9800,
            lineTotal: 510000,
          },
        ],
        total: { amount: 510000, currency: 'CNY' },
        placedAt: placed.body.placedAt,
      },
    });

    const otherDealer = await sales.auth({ sub: 'x', roles: [Roles.dealer], partnerId: OTHER_DEALER });
    await sales.http().get(`/orders/${placed.body.id}`).set('authorization', otherDealer).expect(404);
    await sales.http().get(`/orders/${placed.body.id}`).set('authorization', rep).expect(404);
    await sales.http().get(`/orders/${placed.body.id}`).set('authorization', dealer).expect(200);
  });

  it('orders a won opportunity directly from its lines, and refuses one still open', async () => {
    const opportunityId = await dealWithLines(rep);
    const open = await sales
      .http()
      .post('/orders')
      .set('authorization', rep)
      .send({ opportunityId })
      .expect(409);
    expect(open.body.field).toBe('opportunityId');
    await sales
      .http()
      .post(`/opportunities/${opportunityId}/win`)
      .set('authorization', rep)
      .send({ reason: '现车' })
      .expect(200);
    const placed = await sales
      .http()
      .post('/orders')
      .set('authorization', rep)
      .send({ opportunityId })
      .expect(201);
    expect(placed.body).toMatchObject({ quoteId: null, dealerId: null, ownerId: 'rep' });
    const listed = await sales.http().get('/orders').set('authorization', rep).expect(200);
    expect(listed.body.items.map((o: { id: string }) => o.id)).toEqual([placed.body.id]);

    await eventually(async () =>
      expect(received.find((e) => e.aggregateId === placed.body.id)?.payload).toMatchObject({
        quoteId: null,
        ownerId: 'rep',
        total: { amount: 510000, currency: 'CNY' },
      }),
    );
  });

  it('names the field of a bad order request', async () => {
    const neither = await sales.http().post('/orders').set('authorization', rep).send({}).expect(400);
    expect(neither.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(neither.body.errors)).toContain('quoteId');
    const both = await sales
      .http()
      .post('/orders')
      .set('authorization', rep)
      .send({ quoteId: CUSTOMER, opportunityId: CUSTOMER })
      .expect(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ field: 'opportunityId' })]);
    await sales.http().post('/orders').set('authorization', rep).send({ quoteId: CUSTOMER }).expect(404);
  });
});
