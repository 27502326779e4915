export const ContactChannels = { phone: 'phone', sms: 'sms', email: 'email' } as const;
export type ContactChannel = (typeof ContactChannels)[keyof typeof ContactChannels];
export const ALL_CONTACT_CHANNELS = Object.values(ContactChannels) as ContactChannel[];

/**
 * What a customer can consent to: being contacted on a channel, or being tracked on the website (`web`, ADR 0055).
 * `web` reaches nobody, so it is never a contact channel.
 */
export const ConsentChannels = { ...ContactChannels, web: 'web' } as const;
export type ConsentChannel = (typeof ConsentChannels)[keyof typeof ConsentChannels];
export const ALL_CONSENT_CHANNELS = Object.values(ConsentChannels) as ConsentChannel[];

export const PartnerKinds = { dealer: 'dealer', repairStation: 'repair_station' } as const;
export type PartnerKind = (typeof PartnerKinds)[keyof typeof PartnerKinds];
export const ALL_PARTNER_KINDS = Object.values(PartnerKinds) as PartnerKind[];
