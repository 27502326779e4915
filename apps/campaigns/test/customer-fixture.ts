import { randomUUID } from 'node:crypto';
import { CustomerState, VehicleState } from '@crm/contracts';

/** A customer as customer-master's events carry it, with the fields segments select on. */
export function customerState(overrides: Partial<CustomerState> & { name: string }): CustomerState {
  return {
    customerId: randomUUID(),
    kind: 'person',
    namePinyin: null,
    phones: [],
    emails: [],
    address: null,
    birthday: null,
    gender: null,
    tags: [],
    ownerSalesRepId: null,
    consents: [],
    ...overrides,
  };
}

export function livingIn(province: string, city: string): CustomerState['address'] {
  return { province, city, district: null, street: null, postalCode: null, location: null };
}

export function consent(
  channel: 'email' | 'sms' | 'phone',
  granted: boolean,
  at = '2026-01-01T00:00:00.000Z',
): CustomerState['consents'][number] {
  return { channel, granted, at, source: 'test' };
}

export function vehicleState(
  ownerCustomerId: string,
  model: string,
  purchaseDate: string | null,
): VehicleState {
  return {
    vehicleId: randomUUID(),
    vin: `LSV${randomUUID().replace(/-/g, '').slice(0, 14).toUpperCase()}`,
    brand: 'Aurora',
    model,
    modelYear: 2024,
    purchaseDate,
    sellingDealerId: null,
    warrantyEnd: null,
    ownerCustomerId,
  };
}
