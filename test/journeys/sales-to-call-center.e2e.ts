import { Roles } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { CallCenterHarness } from '../../apps/call-center/test/call-center.harness';
import { CustomerMasterHarness } from '../../apps/customer-master/test/customer-master.harness';
import { SalesHarness } from '../../apps/sales/test/sales.harness';

/**
 * Separate services over real Kafka: a customer registered in the customer master becomes the
 * match for a web lead in sales; the rep converts it and logs a test drive; the call-center agent
 * sees the test drive on the customer's 360.
 */
describe('a sales lead from web form to the agent’s customer 360', () => {
  let master: CustomerMasterHarness;
  let sales: SalesHarness;
  let callCenter: CallCenterHarness;

  beforeAll(async () => {
    master = await CustomerMasterHarness.start();
    sales = await SalesHarness.start({ kafkaNamespace: master.kafkaNamespace });
    callCenter = await CallCenterHarness.start({ kafkaNamespace: master.kafkaNamespace });
    await sales.tree([
      ['manager', null],
      ['rep', 'manager'],
    ]);
  }, 120_000);

  afterAll(async () => {
    await callCenter?.stop();
    await sales?.stop();
    await master?.stop();
  });

  it('matches the lead to the customer, and the test drive reaches the call center', async () => {
    const created = await master
      .http()
      .post('/customers')
      .set('authorization', await master.as([Roles.admin]))
      .send({ kind: 'person', name: '钱七', phones: ['13700137000'] })
      .expect(201);
    const customerId: string = created.body.id;

    const rep = await sales.auth({ sub: 'rep', roles: [Roles.salesRep] });
    await eventually(async () =>
      expect(
        await sales.query(`SELECT 1 FROM sales.customer_contact WHERE customer_id = $1`, [customerId]),
      ).toHaveLength(1),
    );
    const captured = await sales
      .http()
      .post('/leads')
      .set('authorization', rep)
      .send({
        source: 'web_form',
        name: 'Qian Qi',
        phone: '+86 137 0013 7000',
        interest: { model: 'Aurora S7' },
      })
      .expect(201);
    expect(captured.body.customerId).toBe(customerId);
    const lead = captured.body;
    const converted = await sales
      .http()
      .post(`/leads/${lead.id}/convert`)
      .set('authorization', rep)
      .send({})
      .expect(200);
    await sales
      .http()
      .post('/activities')
      .set('authorization', rep)
      .send({
        type: 'test_drive',
        subject: '试驾 Aurora S7',
        discussed: '续航',
        nextStep: '报价',
        nextStepDue: '2026-12-03',
        opportunityId: converted.body.opportunity.id,
      })
      .expect(201);

    const agent = await callCenter.as([Roles.agent]);
    const view = await eventually(async () => {
      const found = await callCenter
        .http()
        .get(`/customers/${customerId}/360`)
        .set('authorization', agent)
        .expect(200);
      expect(found.body.salesActivities).toHaveLength(1);
      return found.body;
    }, 30_000);
    expect(view.salesActivities[0]).toMatchObject({
      type: 'test_drive',
      ownerId: 'rep',
      nextStepDue: '2026-12-03',
    });
  });
});
