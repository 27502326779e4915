import { randomBytes } from 'node:crypto';
import {
  EventEnvelope,
  LeadAssigned,
  QuoteAccepted,
  QuoteRejected,
  QuoteSent,
  Roles,
  validateEvent,
} from '@crm/contracts';
import { addCatalog, CatalogFixture } from './catalog.fixture';
import { readFromKafka } from './kafka-probe';
import { SalesHarness } from './sales.harness';

/** Quote status changes and lead assignments reach consumers on Kafka, through the outbox. */
describe('quote status and lead assignment events on Kafka', () => {
  const kafkaNamespace = `t${randomBytes(4).toString('hex')}.`;
  let sales: SalesHarness;
  let rep: string;
  let manager: string;
  let catalog: CatalogFixture;

  beforeAll(async () => {
    sales = await SalesHarness.start({ kafkaNamespace });
    await sales.tree([
      ['manager', null],
      ['rep', 'manager'],
    ]);
    rep = await sales.auth({ sub: 'rep', roles: [Roles.salesRep] });
    manager = await sales.auth({ sub: 'manager', roles: [Roles.salesManager] });
    catalog = await addCatalog(sales);
  }, 120_000);

  afterAll(() => sales?.stop());

  async function draftQuote(): Promise<{ id: string; opportunityId: string }> {
    const deal = await sales
      .http()
      .post('/opportunities')
      .set('authorization', rep)
      .send({ name: '王芳 - Aurora S7', region: 'CN-SH' })
      .expect(201);
    await sales
      .http()
      .post(`/opportunities/${deal.body.id}/lines`)
      .set('authorization', rep)
      .send({ trimId: catalog.trimId, quantity: 1 })
      .expect(201);
    const quote = await sales
      .http()
      .post('/quotes')
      .set('authorization', rep)
      .send({ opportunityId: deal.body.id, validUntil: '2099-12-31' })
      .expect(201);
    return { id: quote.body.id, opportunityId: deal.body.id };
  }

  const step = (id: string, to: 'send' | 'accept' | 'reject') =>
    sales.http().post(`/quotes/${id}/${to}`).set('authorization', rep).expect(200);

  const one = (events: EventEnvelope[], type: string, aggregateId: string) =>
    events.filter((e) => e.type === type && e.aggregateId === aggregateId);

  it('publishes quote.sent, quote.accepted and quote.rejected, and nothing for a refused step', async () => {
    const accepted = await draftQuote();
    const rejected = await draftQuote();
    for (const quote of [accepted, rejected]) await step(quote.id, 'send');
    await step(accepted.id, 'accept');
    await step(rejected.id, 'reject');
    await sales.http().post(`/quotes/${rejected.id}/accept`).set('authorization', rep).expect(409);

    const received = await readFromKafka(
      kafkaNamespace,
      [QuoteSent, QuoteAccepted, QuoteRejected],
      (events) =>
        one(events, QuoteAccepted.type, accepted.id).length === 1 &&
        one(events, QuoteRejected.type, rejected.id).length === 1 &&
        events.filter((e) => e.type === QuoteSent.type).length === 2,
    );
    for (const envelope of received) expect(() => validateEvent(envelope)).not.toThrow();
    const [acceptance] = one(received, QuoteAccepted.type, accepted.id);
    expect(acceptance.payload).toEqual({
      quoteId: accepted.id,
      number: expect.stringMatching(/^Q\d{4}-\d{6}$/),
      version: 1,
      opportunityId: accepted.opportunityId,
      customerId: null,
      total: { amount: 259900, currency: 'CNY' },
      validUntil: '2099-12-31',
      changedBy: 'rep',
      changedAt: expect.stringMatching(/Z$/),
    });
    expect(one(received, QuoteSent.type, rejected.id)).toHaveLength(1);
    expect(one(received, QuoteAccepted.type, rejected.id)).toEqual([]);
  });

  it('publishes lead.assigned with the rule, the rep chosen and when', async () => {
    const lead = await sales
      .http()
      .post('/leads')
      .set('authorization', manager)
      .send({ source: 'showroom_visit', name: '赵磊', phone: '13700001234' })
      .expect(201);
    const assigned = await sales
      .http()
      .post(`/leads/${lead.body.id}/assign`)
      .set('authorization', manager)
      .send({ strategy: 'round-robin', managerId: 'manager' })
      .expect(200);

    const received = await readFromKafka(
      kafkaNamespace,
      [LeadAssigned],
      (events) => one(events, LeadAssigned.type, lead.body.id).length === 1,
    );
    const [event] = one(received, LeadAssigned.type, lead.body.id);
    expect(() => validateEvent(event)).not.toThrow();
    expect(event.payload).toEqual({
      leadId: lead.body.id,
      strategy: 'round-robin',
      partnerId: null,
      ownerId: 'rep',
      managerId: 'manager',
      decidedBy: 'manager',
      decidedAt: assigned.body.assignment.decidedAt,
    });
  });
});
