import { GeoPoint, PartnerState } from '@crm/contracts';

/** What sales keeps of a dealer to hand it leads: where it is and which brands it sells. */
export interface Dealer {
  partnerId: string;
  code: string;
  name: string;
  location: GeoPoint;
  brands: string[];
  active: boolean;
}

/** A dealer able to take a lead, with what decides between dealers: distance, then open leads, then code. */
export interface DealerCandidate {
  partnerId: string;
  code: string;
  name: string;
  distanceMeters: number;
  openLeads: number;
}

export function toDealer(partner: PartnerState): Dealer {
  return {
    partnerId: partner.partnerId,
    code: partner.code,
    name: partner.name,
    location: partner.location,
    brands: partner.brands,
    active: partner.active,
  };
}
