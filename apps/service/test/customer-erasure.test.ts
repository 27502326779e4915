import { randomUUID } from 'node:crypto';
import { CustomerErased, CustomerRegistered, CustomerState, VehicleRegistered } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { ServiceHarness, vehicleState } from './service.harness';

const REPLICAS = ['customer_contact', 'customer_location'];

/** An erased customer stays erased in the service's replicas, even when old events are delivered again. */
describe('the service app after a customer is erased', () => {
  let harness: ServiceHarness;
  const customerId = randomUUID();
  const state: CustomerState = {
    customerId,
    kind: 'person',
    name: '韩梅梅',
    namePinyin: 'han meimei',
    phones: ['+8613900003333'],
    emails: [],
    address: {
      province: null,
      city: null,
      district: null,
      street: null,
      postalCode: null,
      location: { lat: 30, lon: 120 },
    },
    birthday: null,
    gender: null,
    tags: [],
    ownerSalesRepId: null,
    consents: [],
  };
  const vehicle = vehicleState(customerId);

  beforeAll(async () => {
    harness = await ServiceHarness.start();
  });
  afterAll(() => harness.stop());

  const rowsAbout = async () => {
    const found: string[] = [];
    for (const table of REPLICAS)
      if ((await harness.query(`SELECT 1 FROM service.${table} WHERE customer_id = $1`, [customerId])).length)
        found.push(table);
    if (
      (
        await harness.query(`SELECT 1 FROM service.customer_vehicle WHERE owner_customer_id = $1`, [
          customerId,
        ])
      ).length
    )
      found.push('customer_vehicle');
    return found;
  };
  const processed = async (eventId: string, consumers: number) =>
    eventually(async () => {
      const rows = await harness.query(`SELECT 1 FROM service.processed_event WHERE event_id = $1`, [
        eventId,
      ]);
      expect(rows.length).toBe(consumers);
    });

  it('ignores a replayed registration or vehicle event for the erased customer (tombstone)', async () => {
    const registered = await harness.publish(CustomerRegistered, customerId, state);
    const car = await harness.publish(VehicleRegistered, vehicle.vehicleId, vehicle);
    await processed(registered.id, 2);
    await processed(car.id, 1);
    expect(await rowsAbout()).toEqual(['customer_contact', 'customer_location', 'customer_vehicle']);

    const erased = await harness.publish(CustomerErased, customerId, {
      customerId,
      erasedAt: new Date().toISOString(),
    });
    await processed(erased.id, 3);
    expect(await rowsAbout()).toEqual([]);

    const replayed = await harness.publish(CustomerRegistered, customerId, state);
    const replayedCar = await harness.publish(VehicleRegistered, vehicle.vehicleId, vehicle);
    await processed(replayed.id, 2);
    await processed(replayedCar.id, 1);
    expect(await rowsAbout()).toEqual([]);
  });
});
