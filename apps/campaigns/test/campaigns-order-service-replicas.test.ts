import {
  CustomerErased,
  CustomerMerged,
  CustomerRegistered,
  EventEnvelope,
  OrderPlaced,
  RepairRecorded,
  Roles,
  TicketSatisfactionRecorded,
} from '@crm/contracts';
import { eventually } from '@crm/testing';
import { orderPlaced, repairRecorded, satisfactionRecorded } from './activity-fixture';
import { CampaignsHarness } from './campaigns.harness';
import { customerState } from './customer-fixture';

interface ServiceRow {
  last_service_at: Date | null;
  last_rating_score: number | null;
}

describe('campaigns order and service-history replicas (crm.order.v1, crm.ticket.v1, crm.repair.v1)', () => {
  let harness: CampaignsHarness;

  beforeAll(async () => {
    harness = await CampaignsHarness.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** Resolves once every consumer group that handles the event has recorded it. */
  const applied = (event: EventEnvelope, groups = 1) =>
    eventually(async () =>
      expect(
        await harness.query(`SELECT 1 FROM campaigns.processed_event WHERE event_id = $1`, [event.id]),
      ).toHaveLength(groups),
    );
  const orders = (customerId: string) =>
    harness.query<{ id: string; models: string[]; total_amount: string }>(
      `SELECT id, models, total_amount FROM campaigns.customer_order WHERE customer_id = $1 ORDER BY placed_at`,
      [customerId],
    );
  const service = async (customerId: string): Promise<ServiceRow | undefined> =>
    (
      await harness.query<ServiceRow>(
        `SELECT last_service_at, last_rating_score FROM campaigns.customer_service WHERE customer_id = $1`,
        [customerId],
      )
    )[0];

  it('keeps an order with its distinct models; an older copy of it changes nothing, a replay adds nothing', async () => {
    const customer = customerState({ name: '王芳' });
    const order = orderPlaced(
      customer.customerId,
      ['Aurora S7', 'Aurora S7', 'Nova E3'],
      '2026-03-01T02:00:00.000Z',
    );
    await applied(await harness.publish(OrderPlaced, order.orderId, order, '2026-03-01T02:00:00.000Z'));
    expect(await orders(customer.customerId)).toEqual([
      { id: order.orderId, models: ['Aurora S7', 'Nova E3'], total_amount: '600000.00' },
    ]);

    const older = { ...order, items: order.items.slice(0, 1), total: { amount: 1, currency: 'CNY' } };
    await applied(await harness.publish(OrderPlaced, order.orderId, older, '2026-02-01T00:00:00.000Z'));
    await applied(await harness.publish(OrderPlaced, order.orderId, order, '2026-03-01T02:00:00.000Z'));
    expect(await orders(customer.customerId)).toEqual([
      { id: order.orderId, models: ['Aurora S7', 'Nova E3'], total_amount: '600000.00' },
    ]);
  });

  it('keeps no order without a customer', async () => {
    const order = orderPlaced(null, ['Nova E3'], '2026-03-01T02:00:00.000Z');
    await applied(await harness.publish(OrderPlaced, order.orderId, order));
    expect(
      await harness.query(`SELECT 1 FROM campaigns.customer_order WHERE id = $1`, [order.orderId]),
    ).toEqual([]);
  });

  it('keeps the latest repair and the latest rating, whatever order they arrive in', async () => {
    const { customerId } = customerState({ name: '李雷' });
    const events = [
      await harness.publish(
        RepairRecorded,
        customerId,
        repairRecorded(customerId, '2026-02-01T00:00:00.000Z'),
      ),
      await harness.publish(
        RepairRecorded,
        customerId,
        repairRecorded(customerId, '2025-06-01T00:00:00.000Z'),
      ),
      await harness.publish(
        TicketSatisfactionRecorded,
        customerId,
        satisfactionRecorded(customerId, 2),
        '2026-02-02T00:00:00.000Z',
      ),
      await harness.publish(
        TicketSatisfactionRecorded,
        customerId,
        satisfactionRecorded(customerId, 5),
        '2025-06-02T00:00:00.000Z',
      ),
    ];
    for (const event of events) await applied(event);
    expect(await service(customerId)).toEqual({
      last_service_at: new Date('2026-02-01T00:00:00.000Z'),
      last_rating_score: 2,
    });
  });

  it('moves a merged record’s orders to the survivor and keeps the later service and rating of the two', async () => {
    const survivor = customerState({ name: '张伟' });
    const merged = customerState({ name: '张伟 (dup)' });
    const order = orderPlaced(merged.customerId, ['Nova E3'], '2026-01-05T00:00:00.000Z');
    const setup = [
      await harness.publish(OrderPlaced, order.orderId, order),
      await harness.publish(
        RepairRecorded,
        survivor.customerId,
        repairRecorded(survivor.customerId, '2025-01-01T00:00:00.000Z'),
      ),
      await harness.publish(
        TicketSatisfactionRecorded,
        survivor.customerId,
        satisfactionRecorded(survivor.customerId, 5),
        '2026-01-10T00:00:00.000Z',
      ),
      await harness.publish(
        RepairRecorded,
        merged.customerId,
        repairRecorded(merged.customerId, '2026-01-01T00:00:00.000Z'),
      ),
      await harness.publish(
        TicketSatisfactionRecorded,
        merged.customerId,
        satisfactionRecorded(merged.customerId, 1),
        '2025-01-10T00:00:00.000Z',
      ),
    ];
    for (const event of setup) await applied(event);

    // Handled by the customer replica, the orders, the service history, the static lists, the value tiers, cross-sell,
    // the sales touchpoints and the browsing profiles.
    await applied(
      await harness.publish(CustomerMerged, survivor.customerId, {
        survivorId: survivor.customerId,
        mergedId: merged.customerId,
        movedVehicleIds: [],
        survivor,
      }),
      8,
    );
    expect((await orders(survivor.customerId)).map((row) => row.id)).toEqual([order.orderId]);
    expect(await orders(merged.customerId)).toEqual([]);
    expect(await service(survivor.customerId)).toEqual({
      last_service_at: new Date('2026-01-01T00:00:00.000Z'),
      last_rating_score: 5,
    });
    expect(await service(merged.customerId)).toBeUndefined();
  });

  it('forgets an erased person’s orders and service history, keeps later ones out, and exports them before', async () => {
    const customer = customerState({ name: '赵敏' });
    const order = orderPlaced(customer.customerId, ['Aurora S7'], '2026-01-05T00:00:00.000Z');
    const setup = [
      await harness.publish(CustomerRegistered, customer.customerId, customer),
      await harness.publish(OrderPlaced, order.orderId, order),
      await harness.publish(
        RepairRecorded,
        customer.customerId,
        repairRecorded(customer.customerId, '2026-01-01T00:00:00.000Z'),
      ),
      await harness.publish(
        TicketSatisfactionRecorded,
        customer.customerId,
        satisfactionRecorded(customer.customerId, 4),
      ),
    ];
    for (const event of setup) await applied(event);

    const officer = await harness.auth({ sub: 'u-dpo', roles: [Roles.privacyOfficer] });
    const exported = await harness
      .http()
      .get(`/privacy/campaigns/customers/${customer.customerId}/export`)
      .set('authorization', officer)
      .expect(200);
    expect(exported.body.tables.customer_order).toEqual([
      expect.objectContaining({ id: order.orderId, models: ['Aurora S7'] }),
    ]);
    expect(exported.body.tables.customer_service).toEqual([
      expect.objectContaining({ customer_id: customer.customerId, last_rating_score: 4 }),
    ]);

    await applied(
      await harness.publish(CustomerErased, customer.customerId, {
        customerId: customer.customerId,
        erasedAt: new Date().toISOString(),
      }),
      // The merge's eight groups, and tracking, which scrubs the person's response details.
      9,
    );
    expect(await orders(customer.customerId)).toEqual([]);
    expect(await service(customer.customerId)).toBeUndefined();

    const late = orderPlaced(customer.customerId, ['Nova E3'], '2026-04-01T00:00:00.000Z');
    await applied(await harness.publish(OrderPlaced, late.orderId, late));
    await applied(
      await harness.publish(
        RepairRecorded,
        customer.customerId,
        repairRecorded(customer.customerId, '2026-04-01T00:00:00.000Z'),
      ),
    );
    expect(await orders(customer.customerId)).toEqual([]);
    expect(await service(customer.customerId)).toBeUndefined();
    const after = await harness
      .http()
      .get(`/privacy/campaigns/customers/${customer.customerId}/export`)
      .set('authorization', officer)
      .expect(200);
    expect(after.body.tables).toMatchObject({ customer_order: [], customer_service: [], segment_member: [] });
  });
});
