import { randomUUID } from 'node:crypto';
import { Roles } from '@crm/contracts';
import { IntegrationHarness } from './integration.harness';

/**
 * What a system client's token (ADR 0054: a system role, no partner claim) may do in integration, seen as an attacker
 * would try it: its own subscriptions to the events its role covers, the offer routes, and nothing partners own.
 */
describe('system client tokens in integration', () => {
  let harness: IntegrationHarness;
  let billing: string;
  let otherBilling: string;
  let erp: string;

  beforeAll(async () => {
    harness = await IntegrationHarness.start();
    billing = await harness.auth({ roles: [Roles.billing], sub: 'billing-prod' });
    otherBilling = await harness.auth({ roles: [Roles.billing], sub: 'billing-test' });
    erp = await harness.auth({ roles: [Roles.erp], sub: 'erp-1' });
  });
  afterAll(() => harness?.stop());

  const subscribe = (token: string, body: object) =>
    harness.http().post('/subscriptions').set('Authorization', token).send(body);
  // A local address: the test harness lets subscriptions target it (nothing is delivered in this test).
  const url = 'http://127.0.0.1:9/crm/events';

  it("subscribes billing to its own role's events, for itself only, and shows it only its own", async () => {
    const created = await subscribe(billing, {
      url,
      eventTypes: ['offer.granted', 'offer.withdrawn'],
    }).expect(201);
    expect(created.body).toMatchObject({ partnerId: null, ownerId: 'billing-prod' });
    const customerData = await subscribe(billing, {
      url,
      eventTypes: ['offer.granted', 'customer.registered'],
    }).expect(403);
    expect(customerData.body).toMatchObject({ field: 'eventTypes[1]' });
    await subscribe(billing, { url, eventTypes: ['offer.granted'], partnerId: randomUUID() }).expect(403);
    await subscribe(erp, { url, eventTypes: ['dms-order.invoiced', 'dms-order.cancelled'] }).expect(201);
    await subscribe(erp, { url, eventTypes: ['offer.granted'] }).expect(403);

    const own = await harness.http().get('/subscriptions').set('Authorization', billing).expect(200);
    expect(own.body.items.map((s: { subscriptionId: string }) => s.subscriptionId)).toEqual([
      created.body.subscriptionId,
    ]);
    const theirs = await harness.http().get('/subscriptions').set('Authorization', otherBilling).expect(200);
    expect(theirs.body.items).toEqual([]);
    const id = created.body.subscriptionId;
    await harness.http().get(`/subscriptions/${id}`).set('Authorization', otherBilling).expect(404);
    await harness.http().delete(`/subscriptions/${id}`).set('Authorization', otherBilling).expect(404);
    await harness.http().get(`/subscriptions/${id}`).set('Authorization', billing).expect(200);
  });

  it("refuses a system token on partners' and staff routes (403), and one naming a partner anywhere", async () => {
    const order = { externalId: 'O-1', dealerId: randomUUID() };
    await harness.http().post('/inbound/orders').set('Authorization', billing).send(order).expect(403);
    await harness
      .http()
      .post('/inbound/orders/cancellations')
      .set('Authorization', erp)
      .send(order)
      .expect(403);
    await harness.http().get('/offers/rules').set('Authorization', billing).expect(403);
    await harness.http().get('/workflow/rules').set('Authorization', billing).expect(403);
    const mixed = await harness.auth({
      roles: [Roles.billing],
      sub: 'billing-prod',
      partnerId: randomUUID(),
      partnerKind: 'dealer',
    });
    const refused = await harness
      .http()
      .get(`/offers?customerId=${randomUUID()}`)
      .set('Authorization', mixed)
      .expect(403);
    expect(refused.body.detail).toContain('system token must name no partner');
    await harness.http().get(`/offers?customerId=${randomUUID()}`).set('Authorization', billing).expect(200);
    await harness.http().get('/subscriptions').set('Authorization', 'Bearer not-a-token').expect(401);
  });
});
