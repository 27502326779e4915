import { Address, ConsentChannel, ConsentChannels, CustomerState, PreferredLanguage } from '@crm/contracts';

export type CustomerKind = 'person' | 'company';
export type Gender = 'female' | 'male' | 'other' | 'unknown';
export type CustomerStatus = 'active' | 'merged' | 'erased';

/** Consent per contact channel, and to website tracking (`web`, ADR 0055): one table, one audit trail, one export. */
export interface Consent {
  channel: ConsentChannel;
  granted: boolean;
  at: string;
  source: string;
}

export interface Customer {
  id: string;
  kind: CustomerKind;
  name: string;
  nameLatin: string | null;
  phones: string[];
  emails: string[];
  address: Address | null;
  birthday: string | null;
  gender: Gender | null;
  tags: string[];
  ownerSalesRepId: string | null;
  consents: Consent[];
  /** The language messages to them are written in; null: not known (Chinese). */
  preferredLanguage: PreferredLanguage | null;
  status: CustomerStatus;
  mergedInto: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Every personal field of a customer, empty: where a new record starts and what erasure leaves. */
export function noPersonalData(): Omit<
  Customer,
  'id' | 'kind' | 'name' | 'status' | 'mergedInto' | 'version' | 'createdAt' | 'updatedAt'
> {
  return {
    nameLatin: null,
    phones: [],
    emails: [],
    address: null,
    birthday: null,
    gender: null,
    tags: [],
    ownerSalesRepId: null,
    consents: [],
    preferredLanguage: null,
  };
}

/** The state other services keep about a customer (payload of customer events). */
export function toCustomerState(customer: Customer): CustomerState {
  return {
    customerId: customer.id,
    kind: customer.kind,
    name: customer.name,
    namePinyin: customer.nameLatin,
    phones: customer.phones,
    emails: customer.emails,
    address: customer.address,
    birthday: customer.birthday,
    gender: customer.gender,
    tags: customer.tags,
    ownerSalesRepId: customer.ownerSalesRepId,
    ...consentsOnTheWire(customer.consents),
    preferredLanguage: customer.preferredLanguage,
  };
}

/** Events carry the contact channels in `consents` and website tracking apart, so no v1 reader meets `web` there. */
function consentsOnTheWire(consents: Consent[]): Pick<CustomerState, 'consents' | 'webConsent'> {
  const web = consents.find((consent) => consent.channel === ConsentChannels.web);
  return {
    consents: consents.flatMap(({ channel, ...decision }) =>
      channel === ConsentChannels.web ? [] : [{ channel, ...decision }],
    ),
    webConsent: web ? { granted: web.granted, at: web.at, source: web.source } : null,
  };
}
