import { z } from 'zod';
import { ALL_CONTACT_CHANNELS, ConsentChannel, ConsentChannels } from '../channels';
import { addressSchema, isoDate } from '../shared-schemas';

export const consentSchema = z.object({
  channel: z.enum(ALL_CONTACT_CHANNELS),
  granted: z.boolean(),
  at: z.iso.datetime(),
  source: z.string(),
});

/** The website-tracking consent (channel `web` in the customer master, ADR 0055). */
export const webConsentSchema = consentSchema.omit({ channel: true });
export type WebConsent = z.infer<typeof webConsentSchema>;

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
  /** Consent per contact channel (phone, SMS, email): never `web`, so no reader picking a channel to send on meets it. */
  consents: z.array(consentSchema),
  /** Added later: absent from older events, null when unknown. */
  preferredLanguage: z.enum(PREFERRED_LANGUAGES).nullable().optional(),
  /**
   * Added later (ADR 0055): whether the customer lets the website track them. Absent from older events, null while
   * the customer master has no such decision on record.
   */
  webConsent: webConsentSchema.nullable().optional(),
});
export type CustomerState = z.infer<typeof customerStateSchema>;

/** Every consent on record, website tracking included as channel `web`: for readers that show them all. */
export function consentsOf(
  state: Pick<CustomerState, 'consents' | 'webConsent'>,
): Array<Omit<z.infer<typeof consentSchema>, 'channel'> & { channel: ConsentChannel }> {
  return state.webConsent
    ? [...state.consents, { channel: ConsentChannels.web, ...state.webConsent }]
    : state.consents;
}
