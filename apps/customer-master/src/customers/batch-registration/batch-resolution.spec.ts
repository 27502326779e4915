import { Vehicle } from '../../vehicles/vehicle';
import { Customer, noPersonalData } from '../customer';
import { DuplicateCandidate } from '../duplicate-finder';
import { DraftRow, resolveBatch, ResolutionContext } from './batch-resolution';

const at = '2026-12-01T00:00:00.000Z';

function customer(id: string): Customer {
  const base = { id, kind: 'person' as const, name: id, ...noPersonalData() };
  return { ...base, status: 'active', mergedInto: null, version: 1, createdAt: at, updatedAt: at };
}

function vehicle(id: string, vin: string, ownerCustomerId: string): Vehicle {
  const fields = { brand: 'Aurora', model: 'A6', modelYear: null, purchaseDate: null, sellingDealerId: null };
  return { vehicleId: id, vin, ...fields, warrantyEnd: null, ownerCustomerId, createdAt: at, updatedAt: at };
}

function row(id: string, options: { vin?: string; stored?: string[]; earlier?: number[] } = {}): DraftRow {
  const candidates: DuplicateCandidate[] = (options.stored ?? []).map((customerId) => ({
    customerId,
    name: customerId,
    reasons: ['phone'],
  }));
  return {
    customer: customer(id),
    vehicle: options.vin ? vehicle(`v-${id}`, options.vin, id) : null,
    matches: { candidates, earlierProbes: options.earlier ?? [] },
  };
}

const staff: ResolutionContext = { matching: 'earliest', storedVehicles: [], visible: () => true };

describe(resolveBatch.name, () => {
  it('creates a new row and matches a later row of the batch to it, adding its vehicle', () => {
    const resolution = resolveBatch(
      [row('a', { vin: 'VIN-A' }), row('b', { vin: 'VIN-B', earlier: [0] })],
      staff,
    );

    expect(resolution.outcomes).toEqual([
      { status: 'created', customerId: 'a', vehicleId: 'v-a' },
      { status: 'matched', customerId: 'a', vehicleId: 'v-b', vehicleAdded: true },
    ]);
    expect(resolution.newCustomers.map((c) => c.id)).toEqual(['a']);
    expect(resolution.newVehicles.map((v) => [v.vin, v.ownerCustomerId])).toEqual([
      ['VIN-A', 'a'],
      ['VIN-B', 'a'],
    ]);
  });

  it('follows an earlier row matched to a stored customer, and skips a rejected one', () => {
    const stored = [vehicle('v-x', 'VIN-X', 'someone-else')];
    const rows = [row('a', { stored: ['s'] }), row('b', { vin: 'VIN-X' }), row('c', { earlier: [0, 1] })];

    const { outcomes } = resolveBatch(rows, { ...staff, storedVehicles: stored });

    expect(outcomes.map((o) => o.status)).toEqual(['matched', 'rejected', 'matched']);
    expect(outcomes[2]).toMatchObject({ customerId: 's' });
  });

  it('answers a VIN the matched customer owns as theirs, and refuses one another customer owns', () => {
    const stored = [vehicle('v-x', 'VIN-X', 's')];
    const { outcomes, newVehicles } = resolveBatch(
      [row('a', { stored: ['s'], vin: 'VIN-X' }), row('b', { vin: 'VIN-X' })],
      { ...staff, storedVehicles: stored },
    );

    expect(outcomes[0]).toEqual({
      status: 'matched',
      customerId: 's',
      vehicleId: 'v-x',
      vehicleAdded: false,
    });
    expect(outcomes[1]).toEqual({
      status: 'rejected',
      error: { field: 'vehicle.vin', message: 'is registered to another customer' },
    });
    expect(newVehicles).toEqual([]);
  });

  it('takes the earliest of several stored customers for an import, and refuses the row for the API', () => {
    const rows = [row('a', { stored: ['s1', 's2'] })];

    expect(resolveBatch(rows, staff).outcomes[0]).toMatchObject({ status: 'matched', customerId: 's1' });
    expect(resolveBatch(rows, { ...staff, matching: 'unambiguous' }).outcomes[0]).toMatchObject({
      status: 'rejected',
      candidates: [{ customerId: 's1' }, { customerId: 's2' }],
    });
  });

  it('refuses, naming no one, a row matching a customer the partner may not see', () => {
    const partner: ResolutionContext = { matching: 'unambiguous', storedVehicles: [], visible: () => false };

    const [outcome] = resolveBatch([row('a', { stored: ['hidden'] })], partner).outcomes;

    expect(outcome).toMatchObject({ status: 'rejected', candidates: [], error: { field: 'customer' } });
  });
});
