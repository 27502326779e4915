import { randomUUID } from 'node:crypto';
import { CustomerState } from '@crm/contracts';
import { CustomerMasterDataRepository } from '../src/data-export/customer-data.repository';
import { CustomerMasterHarness } from './customer-master.harness';

/** Consent to website tracking is the channel `web` of the customer master (ADR 0055). */
describe('the web consent channel', () => {
  let harness: CustomerMasterHarness;
  let agent: string;

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start();
    agent = await harness.as(['agent']);
  }, 60_000);

  afterAll(() => harness?.stop());

  const register = () =>
    harness.registerCustomer(
      {
        kind: 'person',
        name: '韩梅梅',
        emails: [`${randomUUID()}@example.cn`],
        consents: [
          { channel: 'email', granted: false, source: 'call-center' },
          { channel: 'web', granted: true, source: 'website-banner' },
        ],
      },
      agent,
    );
  const events = async (type: string, customerId: string) =>
    (await harness.outboxPayloads(type, customerId)) as CustomerState[];

  it('is kept, shown and changed like the other channels, with its audit trail and in the export', async () => {
    const customerId = await register();
    const { body } = await harness
      .http()
      .get(`/customers/${customerId}`)
      .set('Authorization', agent)
      .expect(200);
    expect(body.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'email', granted: false }),
        expect.objectContaining({ channel: 'web', granted: true, source: 'website-banner' }),
      ]),
    );
    await harness
      .http()
      .patch(`/customers/${customerId}`)
      .set('Authorization', agent)
      .send({ consents: [{ channel: 'web', granted: false, source: 'call-center' }] })
      .expect(200);
    const audit = await harness.query<{ action: string }>(
      `SELECT action FROM customer_master.audit_log WHERE entity_id = $1 ORDER BY id`,
      [customerId],
    );
    expect(audit.map((row) => row.action)).toEqual(['customer.registered', 'customer.updated']);
    const exported = await harness.app.get(CustomerMasterDataRepository).export(customerId);
    expect(exported.consent).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'web', granted: false, source: 'call-center' }),
      ]),
    );
  });

  it('travels apart from the contact consents, so no reader of `consents` meets it', async () => {
    const customerId = await register();
    await harness
      .http()
      .patch(`/customers/${customerId}`)
      .set('Authorization', agent)
      .send({ consents: [{ channel: 'web', granted: false, source: 'call-center' }] })
      .expect(200);
    const [registered] = await events('customer.registered', customerId);
    expect(registered.consents).toEqual([expect.objectContaining({ channel: 'email', granted: false })]);
    expect(registered.webConsent).toEqual({
      granted: true,
      at: expect.any(String),
      source: 'website-banner',
    });
    const [updated] = await events('customer.updated', customerId);
    expect(updated.consents).toEqual([expect.objectContaining({ channel: 'email' })]);
    expect(updated.webConsent).toEqual(expect.objectContaining({ granted: false, source: 'call-center' }));
  });

  it('publishes webConsent null for a customer who never decided', async () => {
    const customerId = await harness.registerCustomer({ kind: 'person', name: '李雷' }, agent);
    const [registered] = await events('customer.registered', customerId);
    expect(registered.webConsent).toBeNull();
  });

  it('answers an unknown channel with a 400 naming the field', async () => {
    const customerId = await register();
    const { body } = await harness
      .http()
      .patch(`/customers/${customerId}`)
      .set('Authorization', agent)
      .send({ consents: [{ channel: 'website', granted: true, source: 'call-center' }] })
      .expect(400);
    expect(JSON.stringify(body)).toContain('consents.0.channel');
  });
});
