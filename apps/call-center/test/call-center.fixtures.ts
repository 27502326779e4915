import { randomUUID } from 'node:crypto';
import {
  CustomerState,
  PartnerState,
  PayloadOf,
  RepairRecorded,
  TicketSummary,
  VehicleState,
} from '@crm/contracts';

export function customerState(overrides: Partial<CustomerState> = {}): CustomerState {
  return {
    customerId: randomUUID(),
    kind: 'person',
    name: '李四',
    namePinyin: 'li si',
    phones: ['+8613900139000'],
    emails: [],
    address: {
      province: '上海市',
      city: '上海市',
      district: null,
      street: null,
      postalCode: null,
      location: null,
    },
    birthday: null,
    gender: null,
    tags: [],
    ownerSalesRepId: null,
    consents: [{ channel: 'sms', granted: true, at: '2026-01-01T00:00:00.000Z', source: 'test' }],
    ...overrides,
  };
}

export function vehicleState(ownerCustomerId: string, overrides: Partial<VehicleState> = {}): VehicleState {
  return {
    vehicleId: randomUUID(),
    vin: 'LSVAU2187N2123456',
    brand: 'Aurora',
    model: 'A6 Sedan',
    modelYear: 2023,
    purchaseDate: '2023-06-18',
    sellingDealerId: null,
    warrantyEnd: '2099-06-17',
    ownerCustomerId,
    ...overrides,
  };
}

export function ticketSummary(customerId: string, overrides: Partial<TicketSummary> = {}): TicketSummary {
  return {
    ticketId: randomUUID(),
    ticketNumber: 'T-2026-000001',
    customerId,
    vehicleId: null,
    vin: null,
    sellingDealerId: null,
    qualityType: 'brakes',
    severity: 'high',
    status: 'new',
    description: 'noise when braking',
    channel: 'phone',
    stationId: null,
    location: null,
    openedAt: '2026-02-01T08:00:00.000Z',
    ...overrides,
  };
}

export function repairRecord(
  customerId: string,
  overrides: Partial<PayloadOf<typeof RepairRecorded>> = {},
): PayloadOf<typeof RepairRecorded> {
  return {
    repairId: randomUUID(),
    ticketId: randomUUID(),
    ticketNumber: 'T-2025-000042',
    customerId,
    vehicleId: null,
    vin: null,
    stationId: randomUUID(),
    stationName: '浦东维修站',
    qualityType: 'engine',
    severity: 'medium',
    workDone: 'replaced the ignition coil',
    parts: [{ partNumber: 'IC-1', description: 'ignition coil', quantity: 1 }],
    cost: { amount: 420, currency: 'CNY' },
    technician: '王师傅',
    repairedAt: '2025-11-03T10:00:00.000Z',
    ...overrides,
  };
}

export function partnerState(overrides: Partial<PartnerState> = {}): PartnerState {
  const location = { lat: 31.2, lon: 121.5 };
  return {
    partnerId: randomUUID(),
    kind: 'dealer',
    code: 'D-SH-01',
    name: '上海一店',
    phone: null,
    address: { province: '上海市', city: '上海市', district: null, street: null, postalCode: null, location },
    location,
    brands: ['Aurora'],
    skills: [],
    capacity: 0,
    openingHours: [],
    active: true,
    ...overrides,
  };
}
