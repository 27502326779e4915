import { PartnerKind, Role } from '@crm/contracts';

/** An API client calling the platform with the client credentials grant: a partner's, or a system's (ADR 0054). */
export interface ApiClient {
  clientId: string;
  /** Null for a system client: its tokens carry no partner claim. */
  partnerId: string | null;
  partnerKind: PartnerKind | null;
  name: string;
  roles: Role[];
  active: boolean;
  createdAt: string;
}

/** Which clients a listing or an admin change addresses: a partner route never touches a system client. */
export type ApiClientKind = 'partner' | 'system';

/** A dealer's or repair station's system calling the platform with the client credentials grant. */
export interface PartnerClient extends ApiClient {
  partnerId: string;
  partnerKind: PartnerKind;
}

export interface NewPartnerClient {
  clientId?: string;
  partnerId: string;
  partnerKind: PartnerKind;
  name: string;
}
