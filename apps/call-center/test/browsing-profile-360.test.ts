import {
  BrowsingProfile,
  BrowsingProfileChanged,
  CustomerErased,
  CustomerRegistered,
  EventEnvelope,
  Roles,
} from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { deliver, eventually, stampedEvent } from '@crm/testing';
import { CallCenterHarness } from './call-center.harness';
import { customerState } from './call-center.fixtures';

const profileOf = (models: string[], visits: number): BrowsingProfile => ({
  models,
  interests: ['models'],
  visits,
  lastVisitAt: `2026-11-${String(visits).padStart(2, '0')}T09:00:00.000Z`,
});

describe("web-tracking's browsing profile on the customer's 360 (browsing-profile.changed)", () => {
  let cc: CallCenterHarness;
  let agent: string;
  const customer = customerState({ name: '周八' });

  beforeAll(async () => {
    cc = await CallCenterHarness.start();
    agent = await cc.as([Roles.agent]);
    await cc.publish(CustomerRegistered, customer.customerId, customer);
  });

  afterAll(() => cc?.stop());

  const view360 = async () =>
    (await cc.http().get(`/customers/${customer.customerId}/360`).set('Authorization', agent).expect(200))
      .body;
  const changed = async (sequence: number, profile: BrowsingProfile | null) => {
    const changedAt = `2026-11-${String(sequence).padStart(2, '0')}T10:00:00.000Z`;
    const envelope = stampedEvent(
      BrowsingProfileChanged,
      customer.customerId,
      { customerId: customer.customerId, profile, changedAt },
      { occurredAt: changedAt, aggregateSequence: sequence, producer: 'web-tracking' },
    );
    await deliver(cc.app.get(MessageTransport), envelope);
    await handled(envelope);
  };
  const handled = (envelope: EventEnvelope) =>
    eventually(async () =>
      expect(
        await cc.query(`SELECT 1 FROM call_center.processed_event WHERE event_id = $1`, [envelope.id]),
      ).toHaveLength(1),
    );

  it('shows the models looked at, interests, visits and last visit; an older event changes nothing', async () => {
    await eventually(async () => expect((await view360()).browsingProfile).toBeNull());
    // Published before dwell was counted (ADR 0055): no dwell to show.
    await changed(2, profileOf(['Aurora S7', 'Nova E3'], 2));
    await changed(1, profileOf(['Luna M2'], 1));
    expect((await view360()).browsingProfile).toEqual({
      models: ['Aurora S7', 'Nova E3'],
      interests: ['models'],
      dwellSeconds: null,
      modelDwell: [],
      visits: 2,
      lastVisitAt: '2026-11-02T09:00:00.000Z',
    });
  });

  it('shows the time on the website, in all and per model', async () => {
    const modelDwell = [
      { model: 'Aurora S7', dwellSeconds: 600 },
      { model: 'Nova E3', dwellSeconds: 61 },
    ];
    await changed(3, { ...profileOf(['Aurora S7', 'Nova E3'], 3), dwellSeconds: 761, modelDwell });
    expect((await view360()).browsingProfile).toEqual(
      expect.objectContaining({ dwellSeconds: 761, modelDwell, visits: 3 }),
    );
  });

  it('shows none once the profile is withdrawn, and forgets it on erasure', async () => {
    await changed(4, null);
    expect((await view360()).browsingProfile).toBeNull();
    await changed(5, profileOf(['Nova E3'], 5));
    await cc.publish(CustomerErased, customer.customerId, {
      customerId: customer.customerId,
      erasedAt: new Date().toISOString(),
    });
    const stored = () =>
      cc.query(`SELECT 1 FROM call_center.browsing_profile WHERE customer_id = $1`, [customer.customerId]);
    await eventually(async () => expect(await stored()).toEqual([]));
    await changed(6, profileOf(['Luna M2'], 6));
    expect(await stored()).toEqual([]);
  });
});
