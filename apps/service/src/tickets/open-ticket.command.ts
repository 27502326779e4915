import { GeoPoint, QualityType, Severity } from '@crm/contracts';
import { ComplaintChannel } from './ticket';

export interface OpenTicketCommand {
  /** Given by the call center so the agent can quote the ticket at once; generated otherwise. */
  ticketId?: string;
  interactionId?: string | null;
  customerId: string;
  vehicleId?: string | null;
  vin?: string | null;
  brand?: string | null;
  sellingDealerId?: string | null;
  qualityType: QualityType;
  /** The quality type's default when not given. */
  severity?: Severity;
  description: string;
  channel: ComplaintChannel;
  location?: GeoPoint | null;
}
