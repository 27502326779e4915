import { VehicleState } from '@crm/contracts';

export type Vehicle = VehicleState & { createdAt: string; updatedAt: string };

export function toVehicleState({ createdAt: _c, updatedAt: _u, ...state }: Vehicle): VehicleState {
  return state;
}
