import { VehicleState } from '@crm/contracts';
import { InvalidInputError, normalizeVin, VIN_MESSAGES, vinProblem } from '@crm/core';

export type Vehicle = VehicleState & { createdAt: string; updatedAt: string };

export function toVehicleState({ createdAt: _c, updatedAt: _u, ...state }: Vehicle): VehicleState {
  return state;
}

/** The VIN as stored; one that cannot be a VIN is a 400 naming the field. */
export function checkedVin(vin: string): string {
  const normalized = normalizeVin(vin);
  const problem = vinProblem(normalized);
  if (problem) throw new InvalidInputError([{ field: 'vin', message: `VIN ${VIN_MESSAGES[problem]}` }]);
  return normalized;
}
