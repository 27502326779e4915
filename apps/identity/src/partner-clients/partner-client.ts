import { PartnerKind, Role } from '@crm/contracts';

/** A dealer's or repair station's system calling the platform with the client credentials grant. */
export interface PartnerClient {
  clientId: string;
  partnerId: string;
  partnerKind: PartnerKind;
  name: string;
  roles: Role[];
  active: boolean;
  createdAt: string;
}

export interface NewPartnerClient {
  clientId?: string;
  partnerId: string;
  partnerKind: PartnerKind;
  name: string;
}
