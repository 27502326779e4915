import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { CustomerRegistered, CustomerValueTierChanged, OfferState, Roles } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { customerState } from '../../apps/call-center/test/call-center.fixtures';
import { CallCenterHarness } from '../../apps/call-center/test/call-center.harness';
import { IntegrationHarness } from '../../apps/integration/test/integration.harness';

interface Received {
  body: { id: string; type: string; payload: OfferState };
  signatureValid: boolean;
  acknowledged: number;
}

/**
 * Billing as a stub HTTP server: verifies each subscription delivery's Standard Webhooks signature, answers 204 and
 * then acknowledges the offer through integration's API with its own (billing role) token.
 */
async function billingStub(integrationUrl: string, token: () => Promise<string>) {
  const stub = {
    url: '',
    secret: '',
    received: [] as Received[],
    server: undefined as unknown as Server,
    /** Off: billing receives offers without acknowledging them (yet). */
    acknowledging: true,
  };
  stub.server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      let signatureValid = true;
      try {
        new Webhook(stub.secret).verify(raw, req.headers as Record<string, string>);
      } catch {
        signatureValid = false;
      }
      const received: Received = { body: JSON.parse(raw), signatureValid, acknowledged: 0 };
      stub.received.push(received);
      res.writeHead(204).end();
      if (!stub.acknowledging || received.body.type !== 'offer.granted') return;
      const ack = await fetch(`${integrationUrl}/offers/${received.body.payload.offerId}/applied`, {
        method: 'POST',
        headers: { authorization: await token(), 'content-type': 'application/json' },
        body: JSON.stringify({ reference: `INV-${received.body.payload.offerId.slice(0, 8)}` }),
      });
      received.acknowledged = ack.status;
    });
  });
  await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(stub.server.address() as AddressInfo).port}/crm/offers`;
  return stub;
}

/**
 * integration and the call center on one Kafka namespace: an offer rule grants a gold customer an offer, billing
 * receives it through an event subscription (signed) and acknowledges it, and the agent's 360 shows it applied.
 */
describe('offers to billing, acknowledged, on the 360', () => {
  let integration: IntegrationHarness;
  let cc: CallCenterHarness;
  let stub: Awaited<ReturnType<typeof billingStub>>;
  const customer = customerState({ name: '周八' });

  beforeAll(async () => {
    const kafkaNamespace = `t${randomBytes(4).toString('hex')}.`;
    integration = await IntegrationHarness.start({ kafkaNamespace });
    cc = await CallCenterHarness.start({ kafkaNamespace });
    const integrationUrl = (await integration.app.getUrl()).replace('[::1]', '127.0.0.1');
    stub = await billingStub(integrationUrl, () =>
      integration.auth({ roles: [Roles.billing], sub: 'billing' }),
    );
  }, 180_000);

  afterAll(async () => {
    await integration?.stop();
    await cc?.stop();
    stub?.server.closeAllConnections();
    await new Promise((resolve) => stub?.server.close(resolve));
  });

  it('delivers offer.granted to billing, which acknowledges it; a duplicate tier event grants nothing new', async () => {
    const admin = await integration.auth({ roles: [Roles.admin] });
    const subscription = await integration
      .http()
      .post('/subscriptions')
      .set('Authorization', admin)
      .send({ url: stub.url, eventTypes: ['offer.granted', 'offer.withdrawn'] })
      .expect(201);
    stub.secret = subscription.body.secret;
    await integration
      .http()
      .post('/offers/rules')
      .set('Authorization', admin)
      .send({
        name: 'Gold, quiet for a year',
        tier: 'gold',
        monthsSinceService: 12,
        title: '20% off your next inspection',
        kind: 'percent-off',
        value: 20,
        appliesTo: 'inspection',
        validityDays: 90,
      })
      .expect(201);
    await cc.publish(CustomerRegistered, customer.customerId, customer);
    const tierChanged = () =>
      integration.publish(CustomerValueTierChanged, customer.customerId, {
        customerId: customer.customerId,
        tier: 'gold',
        previousTier: 'iron',
        value: 150_000,
        currency: 'CNY',
        computedAt: new Date().toISOString(),
      });
    await tierChanged();

    await eventually(() => expect(stub.received.map((r) => r.acknowledged)).toEqual([200]), 60_000);
    const [delivery] = stub.received;
    expect(delivery.signatureValid).toBe(true);
    expect(delivery.body).toMatchObject({
      type: 'offer.granted',
      payload: { customerId: customer.customerId, value: 20, appliesTo: 'inspection' },
    });
    const agent = await cc.as([Roles.agent]);
    await eventually(async () => {
      const view = await cc.http().get(`/customers/${customer.customerId}/360`).set('Authorization', agent);
      expect(view.body.offers).toEqual([
        expect.objectContaining({
          offerId: delivery.body.payload.offerId,
          title: '20% off your next inspection',
          status: 'applied',
        }),
      ]);
    }, 60_000);

    const duplicate = await tierChanged();
    await eventually(async () =>
      expect(
        await integration.query(
          `SELECT 1 FROM integration.processed_event WHERE consumer LIKE '%offer-rules' AND event_id = $1`,
          [duplicate.id],
        ),
      ).toHaveLength(1),
    );
    expect(await integration.outbox('offer.granted')).toHaveLength(1);
    expect(
      await integration.query(`SELECT status FROM integration.offer_grant WHERE customer_id = $1`, [
        customer.customerId,
      ]),
    ).toEqual([{ status: 'applied' }]);
  });

  it('withdraws an offer not yet applied when its rule is disabled: billing receives offer.withdrawn, the 360 drops it', async () => {
    stub.acknowledging = false;
    const admin = await integration.auth({ roles: [Roles.admin] });
    const rule = {
      name: 'Platinum welcome',
      tier: 'platinum',
      monthsSinceService: 0,
      title: 'Free car wash',
      kind: 'percent-off',
      value: 100,
      appliesTo: 'car wash',
      validityDays: 30,
    };
    const created = await integration
      .http()
      .post('/offers/rules')
      .set('Authorization', admin)
      .send(rule)
      .expect(201);
    const customerB = customerState({ name: '吴九' });
    await cc.publish(CustomerRegistered, customerB.customerId, customerB);
    await integration.publish(CustomerValueTierChanged, customerB.customerId, {
      customerId: customerB.customerId,
      tier: 'platinum',
      previousTier: 'gold',
      value: 500_000,
      currency: 'CNY',
      computedAt: new Date().toISOString(),
    });
    const agent = await cc.as([Roles.agent]);
    const activeOffers = async () =>
      (await cc.http().get(`/customers/${customerB.customerId}/360`).set('Authorization', agent)).body.offers;
    await eventually(
      async () =>
        expect(await activeOffers()).toEqual([
          expect.objectContaining({ title: 'Free car wash', status: 'granted' }),
        ]),
      60_000,
    );

    await integration
      .http()
      .put(`/offers/rules/${created.body.ruleId}`)
      .set('Authorization', admin)
      .send({ ...rule, enabled: false })
      .expect(200);
    await eventually(
      () => expect(stub.received.map((r) => r.body.type)).toContain('offer.withdrawn'),
      60_000,
    );
    const withdrawal = stub.received.find((r) => r.body.type === 'offer.withdrawn')!;
    expect(withdrawal.signatureValid).toBe(true);
    expect(withdrawal.body.payload).toMatchObject({ customerId: customerB.customerId, why: 'rule-disabled' });
    await eventually(async () => expect(await activeOffers()).toEqual([]), 60_000);
  });
});
