import { z } from 'zod';
import { ALL_CONTACT_CHANNELS } from '../channels';
import { addressSchema, isoDate } from '../shared-schemas';

export const consentSchema = z.object({
  channel: z.enum(ALL_CONTACT_CHANNELS),
  granted: z.boolean(),
  at: z.iso.datetime(),
  source: z.string(),
});

/** The languages a customer can prefer for messages; unknown means Chinese. */
export const PREFERRED_LANGUAGES = ['zh-CN', 'en'] as const;
export type PreferredLanguage = (typeof PREFERRED_LANGUAGES)[number];

/** The customer state other services keep as their read model (event-carried state transfer). */
export const customerStateSchema = z.object({
  customerId: z.uuid(),
  kind: z.enum(['person', 'company']),
  name: z.string(),
  namePinyin: z.string().nullable(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  address: addressSchema.nullable(),
  birthday: isoDate.nullable(),
  gender: z.enum(['female', 'male', 'other', 'unknown']).nullable(),
  tags: z.array(z.string()),
  ownerSalesRepId: z.string().nullable(),
  consents: z.array(consentSchema),
  /** Added later: absent from older events, null when unknown. */
  preferredLanguage: z.enum(PREFERRED_LANGUAGES).nullable().optional(),
});
export type CustomerState = z.infer<typeof customerStateSchema>;
