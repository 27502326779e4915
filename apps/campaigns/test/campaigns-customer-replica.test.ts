import { randomUUID } from 'node:crypto';
import {
  CustomerErased,
  CustomerMerged,
  CustomerRegistered,
  CustomerUpdated,
  EventEnvelope,
  Roles,
  VehicleOwnershipChanged,
  VehicleRegistered,
  VehicleState,
} from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { deliver, eventually, stampedEvent } from '@crm/testing';
import { CampaignsHarness } from './campaigns.harness';
import { consent, customerState, livingIn, vehicleState } from './customer-fixture';

const customerRow = (harness: CampaignsHarness, id: string) =>
  harness.query<{ name: string; city: string | null; tags: string[]; emails: string[] }>(
    `SELECT name, city, tags, emails FROM campaigns.customer WHERE id = $1`,
    [id],
  );

/** What the owned-model and purchase-date rules read of a customer (ADR 0060). */
const ownedVehicles = (harness: CampaignsHarness, id: string) =>
  harness.query<{ models: string[]; days: string }>(
    `SELECT owned_models AS models, purchase_dates::text AS days FROM campaigns.customer WHERE id = $1`,
    [id],
  );

describe('campaigns customer replica (crm.customer.v1, crm.vehicle.v1 over Kafka)', () => {
  let harness: CampaignsHarness;

  beforeAll(async () => {
    harness = await CampaignsHarness.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const deliverAll = async (...events: EventEnvelope[]) => {
    await deliver(harness.app.get(MessageTransport), ...events);
    await Promise.all(
      events.map((event) =>
        eventually(async () =>
          expect(
            await harness.query(`SELECT 1 FROM campaigns.processed_event WHERE event_id = $1`, [event.id]),
          ).toHaveLength(1),
        ),
      ),
    );
  };
  /** As if retention had pruned the inbox: only the replica's own ordering now stands between a redelivery and it. */
  const forgetHandled = (events: EventEnvelope[]) =>
    harness.query(`DELETE FROM campaigns.processed_event WHERE event_id = ANY($1)`, [
      events.map((e) => e.id),
    ]);

  it('keeps a registered customer with their latest consent per channel, and applies a newer update', async () => {
    const customer = customerState({
      name: '王芳',
      address: livingIn('上海市', '上海市'),
      emails: [' Wang.Fang@Example.com '],
      tags: ['vip'],
      consents: [
        consent('email', true, '2026-01-01T00:00:00.000Z'),
        consent('email', false, '2026-02-01T00:00:00.000Z'),
        consent('sms', true),
      ],
    });
    await harness.publish(CustomerRegistered, customer.customerId, customer, '2026-03-01T00:00:00.000Z');
    await eventually(async () => expect(await customerRow(harness, customer.customerId)).toHaveLength(1));
    expect(await customerRow(harness, customer.customerId)).toEqual([
      { name: '王芳', city: '上海市', tags: ['vip'], emails: ['wang.fang@example.com'] },
    ]);
    expect(
      await harness.query(
        `SELECT channel, granted FROM campaigns.customer_consent WHERE customer_id = $1 ORDER BY channel`,
        [customer.customerId],
      ),
    ).toEqual([
      { channel: 'email', granted: false },
      { channel: 'sms', granted: true },
    ]);
    // Segments read the granted channels from the row (ADR 0060).
    expect(
      await harness.query(`SELECT consented_channels FROM campaigns.customer WHERE id = $1`, [
        customer.customerId,
      ]),
    ).toEqual([{ consented_channels: ['sms'] }]);

    await harness.publish(
      CustomerUpdated,
      customer.customerId,
      { ...customer, address: livingIn('浙江省', '杭州市'), changedFields: ['address'] },
      '2026-03-02T00:00:00.000Z',
    );
    await eventually(async () =>
      expect((await customerRow(harness, customer.customerId))[0].city).toBe('杭州市'),
    );
  });

  it('ignores an event older than what it holds (a late or replayed update)', async () => {
    const customer = customerState({ name: '李雷', address: livingIn('北京市', '北京市') });
    await harness.publish(CustomerRegistered, customer.customerId, customer, '2026-03-05T00:00:00.000Z');
    await eventually(async () => expect(await customerRow(harness, customer.customerId)).toHaveLength(1));
    await harness.publish(
      CustomerUpdated,
      customer.customerId,
      { ...customer, name: '李雷 (old)', address: livingIn('上海市', '上海市'), changedFields: ['name'] },
      '2026-03-04T00:00:00.000Z',
    );
    // A newer event after the older one: once it is applied, the older one was consumed before it.
    await harness.publish(
      CustomerUpdated,
      customer.customerId,
      { ...customer, tags: ['fleet'], changedFields: ['tags'] },
      '2026-03-06T00:00:00.000Z',
    );
    await eventually(async () =>
      expect((await customerRow(harness, customer.customerId))[0].tags).toEqual(['fleet']),
    );
    expect((await customerRow(harness, customer.customerId))[0]).toMatchObject({
      name: '李雷',
      city: '北京市',
    });
  });

  it('moves a merged customer and their vehicles to the survivor', async () => {
    const survivor = customerState({ name: '张伟' });
    const merged = customerState({ name: '张伟 (dup)' });
    await harness.publish(CustomerRegistered, survivor.customerId, survivor);
    await harness.publish(CustomerRegistered, merged.customerId, merged);
    await eventually(async () => expect(await customerRow(harness, merged.customerId)).toHaveLength(1));
    await eventually(async () => expect(await customerRow(harness, survivor.customerId)).toHaveLength(1));
    const car = vehicleState(merged.customerId, 'Nova E3', '2025-01-15');
    await harness.publish(VehicleRegistered, car.vehicleId, car);
    await eventually(async () =>
      expect(
        await harness.query(`SELECT 1 FROM campaigns.vehicle WHERE id = $1`, [car.vehicleId]),
      ).toHaveLength(1),
    );
    await harness.publish(CustomerMerged, survivor.customerId, {
      survivorId: survivor.customerId,
      mergedId: merged.customerId,
      movedVehicleIds: [car.vehicleId],
      survivor: { ...survivor, tags: ['merged'] },
    });
    await eventually(async () => expect(await customerRow(harness, merged.customerId)).toHaveLength(0));
    expect(
      await harness.query(`SELECT owner_customer_id AS owner FROM campaigns.vehicle WHERE id = $1`, [
        car.vehicleId,
      ]),
    ).toEqual([{ owner: survivor.customerId }]);
    expect(await ownedVehicles(harness, survivor.customerId)).toEqual([
      { models: ['Nova E3'], days: '{[2025-01-15,2025-01-16)}' },
    ]);
  });

  it('forgets an erased person and their vehicles, and a replayed registration does not bring them back', async () => {
    const customer = customerState({
      name: '赵敏',
      phones: ['+8613800138000'],
      emails: ['zhao.min@example.com'],
    });
    await harness.publish(CustomerRegistered, customer.customerId, customer, '2026-03-01T00:00:00.000Z');
    const car = vehicleState(customer.customerId, 'Aurora S7', '2024-05-01');
    await harness.publish(VehicleRegistered, car.vehicleId, car);
    await eventually(async () =>
      expect(
        await harness.query(`SELECT 1 FROM campaigns.vehicle WHERE id = $1`, [car.vehicleId]),
      ).toHaveLength(1),
    );

    await harness.publish(CustomerErased, customer.customerId, {
      customerId: customer.customerId,
      erasedAt: new Date().toISOString(),
    });
    await eventually(async () => expect(await customerRow(harness, customer.customerId)).toHaveLength(0));
    expect(
      await harness.query(`SELECT 1 FROM campaigns.vehicle WHERE id = $1`, [car.vehicleId]),
    ).toHaveLength(0);
    expect(
      await harness.query(`SELECT 1 FROM campaigns.erased_customer WHERE customer_id = $1`, [
        customer.customerId,
      ]),
    ).toHaveLength(1);

    const replayed = await harness.publish(
      CustomerRegistered,
      customer.customerId,
      customer,
      '2026-04-01T00:00:00.000Z',
    );
    await eventually(async () =>
      expect(
        await harness.query(`SELECT 1 FROM campaigns.processed_event WHERE event_id = $1`, [replayed.id]),
      ).toHaveLength(1),
    );
    expect(await customerRow(harness, customer.customerId)).toHaveLength(0);
  });

  describe('ordering by aggregate sequence (ADR 0021)', () => {
    /** A producer whose clock runs an hour fast stamps the older of two events later than the newer one. */
    const SKEWED_LATE = { occurredAt: '2026-03-10T10:00:00.000Z' };
    const EARLY = { occurredAt: '2026-03-10T09:00:00.000Z' };

    it('keeps the newer customer and vehicle when an older event carries a later clock, and ignores a redelivery', async () => {
      const customer = customerState({ name: '周杰', address: livingIn('广东省', '深圳市') });
      const car = vehicleState(customer.customerId, 'Aurora S7', '2025-02-01');
      const newer = [
        stampedEvent(
          CustomerUpdated,
          customer.customerId,
          { ...customer, changedFields: ['address'] },
          {
            ...EARLY,
            aggregateSequence: 2,
          },
        ),
        stampedEvent(
          VehicleOwnershipChanged,
          car.vehicleId,
          {
            ...car,
            previousOwnerCustomerId: customer.customerId,
            reason: 'transfer',
          },
          { ...EARLY, aggregateSequence: 2 },
        ),
      ];
      const older = [
        stampedEvent(
          CustomerRegistered,
          customer.customerId,
          { ...customer, address: livingIn('湖南省', '长沙市') },
          {
            ...SKEWED_LATE,
            aggregateSequence: 1,
          },
        ),
        stampedEvent(
          VehicleRegistered,
          car.vehicleId,
          { ...car, model: 'Nova E3' },
          {
            ...SKEWED_LATE,
            aggregateSequence: 1,
          },
        ),
      ];
      const held = async () => ({
        city: (await customerRow(harness, customer.customerId)).map((row) => row.city),
        model: await harness.query(`SELECT model FROM campaigns.vehicle WHERE id = $1`, [car.vehicleId]),
      });
      const expected = { city: ['深圳市'], model: [{ model: 'Aurora S7' }] };

      await deliverAll(...newer);
      await deliverAll(...older);
      expect(await held()).toEqual(expected);

      await forgetHandled([...newer, ...older]);
      await deliverAll(...older, ...newer);
      expect(await held()).toEqual(expected);
    });
  });
  describe('owned models and purchase dates on the customer row (ADR 0060)', () => {
    const REGISTRATION = { occurredAt: '2026-05-01T00:00:00.000Z', aggregateSequence: 1 };
    let marketer: string;
    beforeAll(async () => {
      marketer = await harness.auth({ sub: 'u-marketer', roles: [Roles.marketer] });
    });

    /** Customers with this tag who own an Aurora S7 and bought a vehicle in 2024 (maybe another one). */
    const ownersOfA2024S7 = async (tag: string) => {
      const rule = {
        all: [
          { field: 'tag', has: tag },
          { field: 'ownedModel', in: ['Aurora S7'] },
          { field: 'purchaseDate', from: '2024-01-01', to: '2024-12-31' },
        ],
      };
      const { body } = await harness
        .http()
        .post('/segments/evaluate?limit=50')
        .set('authorization', marketer)
        .send({ rule })
        .expect(200);
      return body.items.map((member: { customerId: string }) => member.customerId).sort();
    };
    const vehicleEvent = (car: VehicleState, aggregateSequence: number) =>
      stampedEvent(VehicleRegistered, car.vehicleId, car, {
        occurredAt: `2026-05-0${aggregateSequence}T00:00:00.000Z`,
        aggregateSequence,
      });
    const transferEvent = (car: VehicleState, to: string, aggregateSequence: number) =>
      stampedEvent(
        VehicleOwnershipChanged,
        car.vehicleId,
        { ...car, ownerCustomerId: to, previousOwnerCustomerId: car.ownerCustomerId, reason: 'transfer' },
        { occurredAt: `2026-05-0${aggregateSequence}T00:00:00.000Z`, aggregateSequence },
      );

    it('makes a customer match once their vehicles are registered, the model and the date from different ones', async () => {
      const tag = randomUUID();
      const one = customerState({ name: '黄磊', tags: [tag] });
      const other = customerState({ name: '黄敏', tags: [tag] });
      await deliverAll(
        ...[one, other].map((c) => stampedEvent(CustomerRegistered, c.customerId, c, REGISTRATION)),
      );
      expect(await ownersOfA2024S7(tag)).toEqual([]);

      await deliverAll(
        vehicleEvent(vehicleState(one.customerId, 'Aurora S7', '2024-12-31'), 1),
        vehicleEvent(vehicleState(other.customerId, 'Aurora S7', null), 1),
        vehicleEvent(vehicleState(other.customerId, 'Nova E3', '2024-01-01'), 1),
      );
      expect(await ownersOfA2024S7(tag)).toEqual([one.customerId, other.customerId].sort());
      expect(await ownedVehicles(harness, other.customerId)).toEqual([
        { models: ['Aurora S7', 'Nova E3'], days: '{[2024-01-01,2024-01-02)}' },
      ]);
    });

    it('moves the match from the old owner to the new one on a transfer', async () => {
      const tag = randomUUID();
      const seller = customerState({ name: '何静', tags: [tag] });
      const buyer = customerState({ name: '高强', tags: [tag] });
      await deliverAll(
        ...[seller, buyer].map((c) => stampedEvent(CustomerRegistered, c.customerId, c, REGISTRATION)),
      );
      const car = vehicleState(seller.customerId, 'Aurora S7', '2024-05-01');
      await deliverAll(vehicleEvent(car, 1));
      expect(await ownersOfA2024S7(tag)).toEqual([seller.customerId]);

      await deliverAll(transferEvent(car, buyer.customerId, 2));
      expect(await ownersOfA2024S7(tag)).toEqual([buyer.customerId]);
      expect(await ownedVehicles(harness, seller.customerId)).toEqual([{ models: [], days: '{}' }]);
    });

    it('gives a customer whose vehicle came first its model and date when the customer arrives', async () => {
      const tag = randomUUID();
      const customer = customerState({ name: '罗勇', tags: [tag] });
      await deliverAll(vehicleEvent(vehicleState(customer.customerId, 'Aurora S7', '2024-02-29'), 1));
      expect(await customerRow(harness, customer.customerId)).toHaveLength(0);

      await deliverAll(stampedEvent(CustomerRegistered, customer.customerId, customer, REGISTRATION));
      expect(await ownersOfA2024S7(tag)).toEqual([customer.customerId]);
    });

    it('changes nothing when the events are delivered again, in any order', async () => {
      const tag = randomUUID();
      const seller = customerState({ name: '林芳', tags: [tag] });
      const buyer = customerState({ name: '马超', tags: [tag] });
      const car = vehicleState(seller.customerId, 'Aurora S7', '2024-08-08');
      const events = [
        stampedEvent(CustomerRegistered, seller.customerId, seller, REGISTRATION),
        stampedEvent(CustomerRegistered, buyer.customerId, buyer, REGISTRATION),
        vehicleEvent(car, 1),
        transferEvent(car, buyer.customerId, 2),
      ];
      await deliverAll(...events);
      const rows = () =>
        harness.query(
          `SELECT id, xmin::text AS version, owned_models, purchase_dates::text FROM campaigns.customer
            WHERE id = ANY($1) ORDER BY id`,
          [[seller.customerId, buyer.customerId]],
        );
      const before = await rows();

      await forgetHandled(events);
      await deliverAll(...[...events].reverse());
      expect(await rows()).toEqual(before);
      expect(await ownersOfA2024S7(tag)).toEqual([buyer.customerId]);
    });
  });
});
