import { GeoPoint, PartnerState, QualityType } from '@crm/contracts';

export type OpeningHours = PartnerState['openingHours'];

/** The service app's copy of a repair station, fed by partner events, plus what only service owns. */
export interface Station {
  stationId: string;
  code: string;
  name: string;
  phone: string | null;
  address: PartnerState['address'];
  location: GeoPoint;
  brands: string[];
  skills: QualityType[];
  capacity: number;
  openTickets: number;
  openingHours: OpeningHours;
  active: boolean;
  webhookUrl: string | null;
}
