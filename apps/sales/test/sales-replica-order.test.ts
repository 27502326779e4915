import { randomUUID } from 'node:crypto';
import {
  CustomerRegistered,
  CustomerState,
  CustomerUpdated,
  EventEnvelope,
  PartnerRegistered,
  PartnerState,
  PartnerUpdated,
} from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { deliver, eventually, stampedEvent } from '@crm/testing';
import { SalesHarness } from './sales.harness';

/** A producer whose clock runs an hour fast stamps the older of two events later than the newer one. */
const SKEWED_LATE = { occurredAt: '2026-11-30T10:00:00.000Z' };
const EARLY = { occurredAt: '2026-11-30T09:00:00.000Z' };

function dealer(more: Partial<PartnerState> = {}): PartnerState {
  const location = { lat: 31.2304, lon: 121.4737 };
  return {
    partnerId: randomUUID(),
    kind: 'dealer',
    code: 'D-SH-09',
    name: '上海九店',
    phone: null,
    address: { province: null, city: null, district: null, street: null, postalCode: null, location },
    location,
    brands: ['Aurora'],
    skills: [],
    capacity: 0,
    openingHours: [],
    active: true,
    ...more,
  };
}

function customer(customerId: string, phone: string): CustomerState {
  return {
    customerId,
    kind: 'person',
    name: '吴九',
    namePinyin: 'wu jiu',
    phones: [phone],
    emails: [],
    address: null,
    birthday: null,
    gender: null,
    tags: [],
    ownerSalesRepId: null,
    consents: [],
  };
}

describe('the sales replicas apply only events newer than what they hold', () => {
  let sales: SalesHarness;

  beforeAll(async () => {
    sales = await SalesHarness.start();
  });
  afterAll(() => sales?.stop());

  const deliverAll = async (...events: EventEnvelope[]) => {
    await deliver(sales.app.get(MessageTransport), ...events);
    await Promise.all(
      events.map((event) =>
        eventually(async () =>
          expect(
            await sales.query(`SELECT 1 FROM sales.processed_event WHERE event_id = $1`, [event.id]),
          ).toHaveLength(1),
        ),
      ),
    );
  };

  it('keeps the newer dealer when an older event carries a later clock, and ignores a redelivery', async () => {
    const state = dealer();
    const newer = stampedEvent(
      PartnerUpdated,
      state.partnerId,
      { ...state, active: false },
      {
        ...EARLY,
        aggregateSequence: 2,
      },
    );
    const older = stampedEvent(
      PartnerRegistered,
      state.partnerId,
      { ...state, brands: ['Nova'] },
      {
        ...SKEWED_LATE,
        aggregateSequence: 1,
      },
    );
    const held = () =>
      sales.query(`SELECT active, brands FROM sales.dealer WHERE partner_id = $1`, [state.partnerId]);
    const expected = [{ active: false, brands: ['Aurora'] }];

    await deliverAll(newer);
    await deliverAll(older);
    expect(await held()).toEqual(expected);

    // As if retention had pruned the inbox: only the replica's own ordering now stands between a redelivery and it.
    await sales.query(`DELETE FROM sales.processed_event WHERE event_id = ANY($1)`, [[newer.id, older.id]]);
    await deliverAll(older, newer);
    expect(await held()).toEqual(expected);
  });

  it('still orders events from before numbering by their clock', async () => {
    const state = dealer({ code: 'D-SH-10' });
    await deliverAll(stampedEvent(PartnerUpdated, state.partnerId, { ...state, name: '新名' }, SKEWED_LATE));
    await deliverAll(stampedEvent(PartnerRegistered, state.partnerId, { ...state, name: '旧名' }, EARLY));

    expect(
      await sales.query(`SELECT name FROM sales.dealer WHERE partner_id = $1`, [state.partnerId]),
    ).toEqual([{ name: '新名' }]);
  });

  it('keeps the newer customer contact when an older event carries a later clock, and ignores a redelivery', async () => {
    const customerId = randomUUID();
    const newer = stampedEvent(
      CustomerUpdated,
      customerId,
      { ...customer(customerId, '+8613700137001'), changedFields: ['phones'] },
      { ...EARLY, aggregateSequence: 2 },
    );
    const older = stampedEvent(CustomerRegistered, customerId, customer(customerId, '+8613700137002'), {
      ...SKEWED_LATE,
      aggregateSequence: 1,
    });
    const held = () =>
      sales.query(`SELECT phones FROM sales.customer_contact WHERE customer_id = $1`, [customerId]);
    const expected = [{ phones: ['+8613700137001'] }];

    await deliverAll(newer);
    await deliverAll(older);
    expect(await held()).toEqual(expected);

    await sales.query(`DELETE FROM sales.processed_event WHERE event_id = ANY($1)`, [[newer.id, older.id]]);
    await deliverAll(older, newer);
    expect(await held()).toEqual(expected);
  });
});
