import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { customerStateSchema } from './customer.schemas';

export const CustomerRegistered = defineEvent({
  type: 'customer.registered',
  version: 1,
  aggregateType: 'customer',
  description: 'A new customer record was created in the customer master.',
  payload: customerStateSchema,
});

export const CustomerUpdated = defineEvent({
  type: 'customer.updated',
  version: 1,
  aggregateType: 'customer',
  description: 'A customer record changed; carries the full current state.',
  payload: customerStateSchema.extend({ changedFields: z.array(z.string()) }),
});

export const CustomerMerged = defineEvent({
  type: 'customer.merged',
  version: 1,
  aggregateType: 'customer',
  description:
    'A duplicate record was merged into a survivor; re-point every copy of mergedId to survivorId.',
  payload: z.object({
    survivorId: z.uuid(),
    mergedId: z.uuid(),
    movedVehicleIds: z.array(z.uuid()),
    survivor: customerStateSchema,
  }),
});

export const CustomerErased = defineEvent({
  type: 'customer.erased',
  version: 1,
  aggregateType: 'customer',
  description: 'The person asked to be forgotten (PIPL/GDPR): delete or anonymize every copy of their data.',
  payload: z.object({ customerId: z.uuid(), erasedAt: z.iso.datetime() }),
});
