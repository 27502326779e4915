import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { isoDate } from '../shared-schemas';

export const vehicleStateSchema = z.object({
  vehicleId: z.uuid(),
  vin: z.string().length(17),
  brand: z.string(),
  model: z.string(),
  modelYear: z.number().int().nullable(),
  purchaseDate: isoDate.nullable(),
  sellingDealerId: z.uuid().nullable(),
  warrantyEnd: isoDate.nullable(),
  ownerCustomerId: z.uuid(),
});
export type VehicleState = z.infer<typeof vehicleStateSchema>;

export const VehicleRegistered = defineEvent({
  type: 'vehicle.registered',
  version: 1,
  aggregateType: 'vehicle',
  description: 'A vehicle was registered as owned by a customer.',
  payload: vehicleStateSchema,
});

export const VehicleOwnershipChanged = defineEvent({
  type: 'vehicle.ownership-changed',
  version: 1,
  aggregateType: 'vehicle',
  description: 'A vehicle moved to another owner (sale, or a merge of duplicate customers).',
  payload: vehicleStateSchema.extend({
    previousOwnerCustomerId: z.uuid(),
    reason: z.enum(['transfer', 'merge']),
  }),
});
