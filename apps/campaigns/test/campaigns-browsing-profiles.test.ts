import {
  BrowsingProfile,
  BrowsingProfileChanged,
  CustomerErased,
  CustomerRegistered,
  EventEnvelope,
  Roles,
} from '@crm/contracts';
import { eventually } from '@crm/testing';
import { CampaignsHarness } from './campaigns.harness';
import { customerState } from './customer-fixture';

const profile = (models: string[], interests: string[]): BrowsingProfile => ({
  models,
  interests,
  visits: 1,
  lastVisitAt: '2026-11-01T09:00:00.000Z',
});

describe("campaigns' browsing-profile replica: customers who browse alike (crm.browsing-profile.v1)", () => {
  let harness: CampaignsHarness;
  let marketer: string;
  const looker = customerState({ name: 'A looker' });
  const financer = customerState({ name: 'B financer' });
  const quiet = customerState({ name: 'C quiet' });

  const applied = (event: EventEnvelope) =>
    eventually(async () =>
      expect(
        await harness.query(
          `SELECT 1 FROM campaigns.processed_event WHERE event_id = $1 AND consumer = 'browsing-profile-replica'`,
          [event.id],
        ),
      ).toHaveLength(1),
    );
  const customerApplied = (event: EventEnvelope) =>
    eventually(async () =>
      expect(
        await harness.query(`SELECT 1 FROM campaigns.processed_event WHERE event_id = $1`, [event.id]),
      ).not.toHaveLength(0),
    );
  const changed = (customerId: string, next: BrowsingProfile | null, at: string) =>
    harness.publish(BrowsingProfileChanged, customerId, { customerId, profile: next, changedAt: at }, at);
  const members = async (rule: unknown) => {
    const { body: segment } = await harness
      .http()
      .post('/segments')
      .set('authorization', marketer)
      .send({ name: 'browse alike', rule })
      .expect(201);
    const { body } = await harness
      .http()
      .get(`/segments/${segment.id}/preview?limit=50`)
      .set('authorization', marketer)
      .expect(200);
    return body.items.map((member: { name: string }) => member.name);
  };

  beforeAll(async () => {
    harness = await CampaignsHarness.start();
    marketer = await harness.auth({ roles: [Roles.marketer] });
    for (const state of [looker, financer, quiet])
      await customerApplied(await harness.publish(CustomerRegistered, state.customerId, state));
    await applied(
      await changed(
        looker.customerId,
        profile(['Aurora S7', 'Nova E3'], ['models']),
        '2026-11-02T00:00:00.000Z',
      ),
    );
    // An older event after a newer one changes nothing.
    await applied(
      await changed(looker.customerId, profile(['Luna M2'], ['service']), '2026-11-01T00:00:00.000Z'),
    );
    await applied(
      await changed(
        financer.customerId,
        profile(['Nova E3'], ['financing', 'models']),
        '2026-11-02T00:00:00.000Z',
      ),
    );
  });

  afterAll(() => harness?.stop());

  it('selects customers by the models they looked at and the categories they browsed', async () => {
    expect(await members({ field: 'browsedModel', in: ['Nova E3'] })).toEqual(['A looker', 'B financer']);
    expect(await members({ field: 'browsedModel', in: ['Luna M2'] })).toEqual([]);
    expect(await members({ field: 'browsingInterest', in: ['financing'] })).toEqual(['B financer']);
    expect(
      await members({
        all: [
          { field: 'browsedModel', in: ['Aurora S7'] },
          { field: 'browsingInterest', in: ['models'] },
        ],
      }),
    ).toEqual(['A looker']);
  });

  it('refuses a bad browsing rule with a 400 naming it', async () => {
    const { body } = await harness
      .http()
      .post('/segments')
      .set('authorization', marketer)
      .send({ name: 'bad', rule: { any: [{ field: 'browsingInterest', in: ['Financing!'] }] } })
      .expect(400);
    expect(JSON.stringify(body)).toContain('rule.any[0].in[0]');
  });

  it('drops a withdrawn profile, and an erased customer’s profile for good', async () => {
    await applied(await changed(financer.customerId, null, '2026-11-03T00:00:00.000Z'));
    expect(await members({ field: 'browsingInterest', in: ['financing'] })).toEqual([]);
    await applied(
      await harness.publish(CustomerErased, looker.customerId, {
        customerId: looker.customerId,
        erasedAt: '2026-11-04T00:00:00.000Z',
      }),
    );
    await applied(
      await changed(looker.customerId, profile(['Nova E3'], ['models']), '2026-11-05T00:00:00.000Z'),
    );
    expect(
      await harness.query(`SELECT 1 FROM campaigns.browsing_profile WHERE customer_id = $1`, [
        looker.customerId,
      ]),
    ).toEqual([]);
  });
});
