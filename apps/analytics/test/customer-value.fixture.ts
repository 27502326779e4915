import { randomUUID } from 'node:crypto';
import {
  CustomerErased,
  CustomerRegistered,
  CustomerState,
  CustomerUpdated,
  EventEnvelope,
  OrderPlaced,
  RepairRecorded,
} from '@crm/contracts';
import { AnalyticsHarness } from './analytics.harness';

const DAY_MS = 86_400_000;
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** An order line: model, quantity, line total. */
export type Line = [string, number, number];

export function placeOrder(
  harness: AnalyticsHarness,
  customerId: string,
  amount: number,
  placedDaysAgo: number,
  orderId: string = randomUUID(),
  { dealerId = randomUUID(), lines = [['i5', 1, amount]] }: { dealerId?: string; lines?: Line[] } = {},
): Promise<EventEnvelope> {
  const placedAt = daysAgo(placedDaysAgo);
  return harness.publish(
    OrderPlaced,
    orderId,
    {
      orderId,
      number: `O-${orderId.slice(0, 8)}`,
      opportunityId: randomUUID(),
      quoteId: null,
      customerId,
      dealerId,
      ownerId: 'rep-1',
      items: lines.map(([modelName, quantity, lineTotal]) => ({
        trimId: randomUUID(),
        trimName: 'Long Range',
        modelId: randomUUID(),
        modelName,
        quantity,
        unitPrice: lineTotal / quantity,
        discount: 0,
        lineTotal,
      })),
      total: { amount, currency: 'CNY' },
      placedAt,
    },
    placedAt,
  );
}

export function recordRepair(
  harness: AnalyticsHarness,
  customerId: string,
  amount: number,
  repairedDaysAgo: number,
  stationId: string = randomUUID(),
): Promise<EventEnvelope> {
  const repairId = randomUUID();
  const repairedAt = daysAgo(repairedDaysAgo);
  return harness.publish(
    RepairRecorded,
    repairId,
    {
      repairId,
      ticketId: randomUUID(),
      ticketNumber: 'T-1',
      customerId,
      vehicleId: null,
      vin: null,
      stationId,
      stationName: 'Station',
      qualityType: 'engine',
      severity: 'low',
      workDone: 'oil',
      parts: [],
      cost: { amount, currency: 'CNY' },
      technician: 'tech',
      repairedAt,
    },
    repairedAt,
  );
}

export function customerState(
  customerId: string,
  city: string,
  birthday: string | null,
  province = 'Zhejiang',
): CustomerState {
  return {
    customerId,
    kind: 'person',
    name: 'Wang Fang',
    namePinyin: null,
    phones: ['+8613800000000'],
    emails: [],
    address: { province, city, district: null, street: null, postalCode: null, location: null },
    birthday,
    gender: null,
    tags: [],
    ownerSalesRepId: null,
    consents: [],
  };
}

export function registerCustomer(harness: AnalyticsHarness, state: CustomerState, at: string) {
  return harness.publish(CustomerRegistered, state.customerId, state, at);
}

export function updateCustomer(harness: AnalyticsHarness, state: CustomerState, at: string) {
  return harness.publish(CustomerUpdated, state.customerId, { ...state, changedFields: ['address'] }, at);
}

export function eraseCustomer(harness: AnalyticsHarness, customerId: string) {
  return harness.publish(CustomerErased, customerId, { customerId, erasedAt: new Date().toISOString() });
}
