import { z } from 'zod';
import { ALL_PARTNER_KINDS } from '../channels';
import { ALL_QUALITY_TYPES } from '../quality-types';
import { addressSchema, geoPointSchema } from '../shared-schemas';

import { defineEvent } from '../event-definition';

export const openingHoursSchema = z.array(
  z.object({
    day: z.number().int().min(0).max(6),
    opens: z.string().regex(/^\d{2}:\d{2}$/),
    closes: z.string().regex(/^\d{2}:\d{2}$/),
  }),
);

export const partnerStateSchema = z.object({
  partnerId: z.uuid(),
  kind: z.enum(ALL_PARTNER_KINDS),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  address: addressSchema,
  location: geoPointSchema,
  brands: z.array(z.string()),
  skills: z.array(z.enum(ALL_QUALITY_TYPES)),
  capacity: z.number().int().min(0),
  openingHours: openingHoursSchema,
  active: z.boolean(),
});
export type PartnerState = z.infer<typeof partnerStateSchema>;

export const PartnerRegistered = defineEvent({
  type: 'partner.registered',
  version: 1,
  aggregateType: 'partner',
  description: 'A dealer or repair station joined the network.',
  payload: partnerStateSchema,
});

export const PartnerUpdated = defineEvent({
  type: 'partner.updated',
  version: 1,
  aggregateType: 'partner',
  description: 'A dealer or repair station changed (location, skills, capacity, hours, active flag).',
  payload: partnerStateSchema,
});
