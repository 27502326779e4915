import { randomUUID } from 'node:crypto';
import { CustomerRegistered, CustomerUpdated, PartnerUpdated } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { ServiceHarness, stationState } from './service.harness';

const NEWER = new Date('2026-11-30T10:00:00Z');
const OLDER = new Date('2026-11-30T09:00:00Z');

describe('replicas apply only events newer than what they hold', () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
  });
  afterAll(() => harness.stop());

  const handled = (eventId: string, consumers: number) =>
    eventually(async () => {
      const rows = await harness.query(`SELECT consumer FROM service.processed_event WHERE event_id = $1`, [
        eventId,
      ]);
      expect(rows).toHaveLength(consumers);
    });

  it('keeps the newer station when an older partner event arrives late', async () => {
    const state = stationState({ lat: 31, lon: 121, name: '上海浦东站' });
    await harness.publish(PartnerUpdated, state.partnerId, { ...state, capacity: 9 }, NEWER);
    const late = await harness.publish(PartnerUpdated, state.partnerId, { ...state, capacity: 3 }, OLDER);
    await handled(late.id, 1);

    const rows = await harness.query(`SELECT capacity FROM service.station WHERE id = $1`, [state.partnerId]);
    expect(rows).toEqual([{ capacity: 9 }]);
  });

  it('keeps the newer customer location and contacts when an older customer event arrives late', async () => {
    const customerId = randomUUID();
    const customer = (phone: string, lat: number) => ({
      customerId,
      kind: 'person' as const,
      name: '钱七',
      namePinyin: 'qian qi',
      phones: [phone],
      emails: [],
      address: {
        province: null,
        city: null,
        district: null,
        street: null,
        postalCode: null,
        location: { lat, lon: 100 },
      },
      birthday: null,
      gender: null,
      tags: [],
      ownerSalesRepId: null,
      consents: [],
    });
    await harness.publish(
      CustomerUpdated,
      customerId,
      { ...customer('+8613900139000', 40), changedFields: ['phones', 'address'] },
      NEWER,
    );
    const late = await harness.publish(CustomerRegistered, customerId, customer('+8613800138000', 20), OLDER);
    await handled(late.id, 2);

    expect(
      await harness.query(`SELECT lat FROM service.customer_location WHERE customer_id = $1`, [customerId]),
    ).toEqual([{ lat: 40 }]);
    expect(
      await harness.query(`SELECT phones FROM service.customer_contact WHERE customer_id = $1`, [customerId]),
    ).toEqual([{ phones: ['+8613900139000'] }]);
  });
});
