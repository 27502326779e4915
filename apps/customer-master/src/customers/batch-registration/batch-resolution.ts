import { Vehicle } from '../../vehicles/vehicle';
import { Customer } from '../customer';
import { Draft, isNewCustomer } from './batch-row.drafter';
import { ProbeMatches } from '../duplicate-finder';
import { BatchRowOutcome, MatchPolicy, rejectedRow } from './batch-registration';

/** A valid row, and what its new customer matched (nothing for a customer known by id). */
export type DraftRow = Draft & { matches: ProbeMatches };

export interface ResolutionContext {
  matching: MatchPolicy;
  /** Vehicles already stored under the batch's VINs. */
  storedVehicles: Vehicle[];
  /** Whether the caller may see this stored customer. */
  visible: (customerId: string) => boolean;
}

export interface Resolution {
  outcomes: BatchRowOutcome[];
  newCustomers: Customer[];
  newVehicles: Vehicle[];
}

/**
 * Settles a batch's rows in order, as if registered one after the other: a row matching stored customers or
 * earlier rows is that customer (its new vehicle goes to them); a VIN already someone else's refuses the row.
 */
export function resolveBatch(rows: DraftRow[], context: ResolutionContext): Resolution {
  const ownerOfVin = new Map(context.storedVehicles.map((v) => [v.vin, v]));
  const customerOfRow: (string | null)[] = [];
  const resolution: Resolution = { outcomes: [], newCustomers: [], newVehicles: [] };
  for (const row of rows) {
    const outcome = resolveRow(row, customerOfRow, ownerOfVin, context);
    resolution.outcomes.push(outcome);
    customerOfRow.push(outcome.status === 'rejected' ? null : outcome.customerId);
    if (outcome.status === 'created' && isNewCustomer(row)) resolution.newCustomers.push(row.customer);
    const vehicle = newVehicleOf(row, outcome);
    if (vehicle) {
      resolution.newVehicles.push(vehicle);
      ownerOfVin.set(vehicle.vin, vehicle);
    }
  }
  return resolution;
}

function resolveRow(
  row: DraftRow,
  customerOfRow: (string | null)[],
  ownerOfVin: Map<string, Vehicle>,
  context: ResolutionContext,
): BatchRowOutcome {
  const stored = row.matches.candidates;
  const earlier = row.matches.earlierProbes.map((i) => customerOfRow[i]).filter((id): id is string => !!id);
  const candidateIds = isNewCustomer(row)
    ? [...new Set([...stored.map((c) => c.customerId), ...earlier])]
    : [row.knownCustomerId];
  if (context.matching === 'unambiguous' && isNewCustomer(row)) {
    const visible = stored.filter((candidate) => context.visible(candidate.customerId));
    if (visible.length < stored.length)
      return rejectedRow(
        'customer',
        'probably exists already as a customer you may not see; ask to have them linked',
        visible,
      );
    if (candidateIds.length > 1)
      return rejectedRow(
        'customer',
        `may be one of ${candidateIds.length} customers; register them one by one`,
        visible,
      );
  }
  const known = row.vehicle && ownerOfVin.get(row.vehicle.vin);
  if (known && !candidateIds.includes(known.ownerCustomerId))
    return rejectedRow('vehicle.vin', 'is registered to another customer');
  const target = candidateIds[0];
  const vehicleId = known?.vehicleId ?? row.vehicle?.vehicleId ?? null;
  if (!target && isNewCustomer(row)) return { status: 'created', customerId: row.customer.id, vehicleId };
  return { status: 'matched', customerId: target, vehicleId, vehicleAdded: !!row.vehicle && !known };
}

function newVehicleOf(row: DraftRow, outcome: BatchRowOutcome): Vehicle | null {
  if (!row.vehicle || outcome.status === 'rejected') return null;
  if (outcome.status === 'matched' && !outcome.vehicleAdded) return null;
  return { ...row.vehicle, ownerCustomerId: outcome.customerId };
}
