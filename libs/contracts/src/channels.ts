export const ContactChannels = { phone: 'phone', sms: 'sms', email: 'email' } as const;
export type ContactChannel = (typeof ContactChannels)[keyof typeof ContactChannels];
export const ALL_CONTACT_CHANNELS = Object.values(ContactChannels) as ContactChannel[];

export const PartnerKinds = { dealer: 'dealer', repairStation: 'repair_station' } as const;
export type PartnerKind = (typeof PartnerKinds)[keyof typeof PartnerKinds];
export const ALL_PARTNER_KINDS = Object.values(PartnerKinds) as PartnerKind[];
