import { randomUUID } from 'node:crypto';
import {
  ActivityLogged,
  CustomerErased,
  CustomerRegistered,
  PayloadOf,
  Roles,
  topicFor,
} from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { eventually } from '@crm/testing';
import { CallCenterHarness } from './call-center.harness';
import { customerState } from './call-center.fixtures';

function activity(customerId: string | null, overrides: Partial<PayloadOf<typeof ActivityLogged>> = {}) {
  return {
    activityId: randomUUID(),
    type: 'test_drive' as const,
    customerId,
    leadId: null,
    opportunityId: randomUUID(),
    ownerId: 'rep-1',
    ownerName: '王芳',
    partnerId: null,
    subject: '试驾 Aurora S7',
    discussed: '续航和充电桩',
    nextStep: '发送金融方案',
    nextStepDue: '2026-12-05',
    occurredAt: '2026-11-29T02:00:00.000Z',
    ...overrides,
  };
}

describe("sales activities on the customer's 360 (activity.logged from sales)", () => {
  let cc: CallCenterHarness;
  let agent: string;
  const customer = customerState({ name: '赵六' });

  beforeAll(async () => {
    cc = await CallCenterHarness.start();
    agent = await cc.as([Roles.agent]);
    await cc.publish(CustomerRegistered, customer.customerId, customer);
  });

  afterAll(() => cc?.stop());

  const view360 = async () =>
    (await cc.http().get(`/customers/${customer.customerId}/360`).set('Authorization', agent).expect(200))
      .body;

  it('shows the activity with who, what was discussed and the next step, once even when redelivered', async () => {
    await eventually(async () => expect((await view360()).profile.name).toBe('赵六'));
    expect((await view360()).salesActivities).toEqual([]);
    const logged = activity(customer.customerId);
    const envelope = await cc.publish(ActivityLogged, logged.activityId, logged, 'sales');
    await cc.publish(ActivityLogged, logged.activityId, activity(null), 'sales');

    await eventually(async () =>
      expect((await view360()).salesActivities).toEqual([
        {
          activityId: logged.activityId,
          type: 'test_drive',
          subject: '试驾 Aurora S7',
          discussed: '续航和充电桩',
          nextStep: '发送金融方案',
          nextStepDue: '2026-12-05',
          ownerId: 'rep-1',
          ownerName: '王芳',
          occurredAt: '2026-11-29T02:00:00+00:00',
        },
      ]),
    );
    // Redelivery of the same envelope is applied once.
    await cc.app.get(MessageTransport).publish([
      {
        topic: topicFor(ActivityLogged),
        key: logged.activityId,
        value: JSON.stringify(envelope),
        headers: {},
      },
    ]);
    const rows = await eventually(async () => {
      const processed = await cc.query(`SELECT 1 FROM call_center.processed_event WHERE event_id = $1`, [
        envelope.id,
      ]);
      expect(processed).toHaveLength(1);
      return cc.query(`SELECT id FROM call_center.sales_activity`);
    });
    expect(rows).toHaveLength(1);
  });

  it("forgets an erased customer's sales activities", async () => {
    await cc.publish(CustomerErased, customer.customerId, {
      customerId: customer.customerId,
      erasedAt: new Date().toISOString(),
    });
    await eventually(async () =>
      expect(
        await cc.query(`SELECT 1 FROM call_center.sales_activity WHERE customer_id = $1`, [
          customer.customerId,
        ]),
      ).toEqual([]),
    );
  });
});
