import { Address, ConsentChannel, TicketStatus, ValueTier } from '@crm/contracts';
import { AgentRef, Interaction } from '../interactions/interaction';

export type WarrantyState = 'in-warranty' | 'out-of-warranty' | 'unknown';

export interface PartnerRef {
  id: string;
  name: string | null;
}

export interface CustomerProfile {
  customerId: string;
  kind: string;
  name: string;
  nameLatin: string | null;
  phones: string[];
  emails: string[];
  address: Address | null;
  birthday: string | null;
  gender: string | null;
  tags: string[];
}

export interface Consent {
  /** A contact channel, or `web`: website tracking (ADR 0055). */
  channel: ConsentChannel;
  granted: boolean;
  at: string;
  source: string;
}

export interface VehicleView {
  vehicleId: string;
  vin: string;
  brand: string;
  model: string;
  modelYear: number | null;
  purchaseDate: string | null;
  sellingDealer: PartnerRef | null;
  warrantyEnd: string | null;
  warranty: WarrantyState;
}

export interface RepairView {
  repairId: string;
  ticketId: string;
  ticketNumber: string;
  vehicleId: string | null;
  vin: string | null;
  station: PartnerRef;
  repairedAt: string;
  qualityType: string;
  workDone: string;
  technician: string;
}

/** The customer's rating of how the ticket was handled. */
export interface SatisfactionView {
  score: number;
  comment: string | null;
  recordedAt: string;
}

export interface TicketView {
  ticketId: string;
  number: string;
  status: TicketStatus;
  open: boolean;
  qualityType: string;
  severity: string;
  description: string;
  vehicleId: string | null;
  station: PartnerRef | null;
  acceptedBy: string | null;
  /** The agent who took the complaint call, when it came through the call center. */
  openedBy: AgentRef | null;
  satisfaction: SatisfactionView | null;
  openedAt: string;
  updatedAt: string;
}

/** A salesperson's call, visit, test drive, ... with the customer (from sales' activity.logged). */
export interface SalesActivityView {
  activityId: string;
  type: string;
  subject: string;
  discussed: string;
  nextStep: string | null;
  nextStepDue: string | null;
  ownerId: string;
  ownerName: string | null;
  occurredAt: string;
}

/** What campaigns would offer the customer next, and why (from next-best-offer.changed, ADR 0034). */
export interface NextBestOfferView {
  product: string;
  basedOn: string;
  reason: string;
  /** When campaigns chose this product for the customer. */
  since: string;
}

/** An active offer granted to the customer, and whether billing has it (from integration's offer events, ADR 0043). */
export interface ActiveOfferView {
  offerId: string;
  title: string;
  kind: string;
  value: number;
  currency: string | null;
  appliesTo: string;
  reason: string;
  status: 'granted' | 'applied';
  grantedAt: string;
  validUntil: string;
  appliedAt: string | null;
}

/** What the customer looked at on the manufacturer's website (from browsing-profile.changed, ADR 0044). */
export interface BrowsingProfileView {
  models: string[];
  interests: string[];
  /** Visible time over the kept views (ADR 0055); null from a profile published before dwell was counted. */
  dwellSeconds: number | null;
  modelDwell: ModelDwell[];
  visits: number;
  lastVisitAt: string;
}

export interface ModelDwell {
  model: string;
  dwellSeconds: number;
}

/** Where the customer stands in the value pyramid (from analytics' customer-value.tier-changed, ADR 0027). */
export interface ValueTierView {
  tier: ValueTier;
  /** The revenue over the value window the tier was cut on. */
  value: number;
  currency: string;
  computedAt: string;
}

/** A sales opportunity with the customer still in the pipeline (from sales' opportunity events). */
export interface OpportunityView {
  opportunityId: string;
  name: string;
  stage: string;
  probability: number;
  amount: number | null;
  currency: string | null;
  expectedCloseDate: string | null;
  ownerId: string;
  changedAt: string;
}

/** Everything an agent needs about a caller, in one answer. */
export interface Customer360 {
  profile: CustomerProfile;
  consents: Consent[];
  vehicles: VehicleView[];
  repairs: RepairView[];
  tickets: TicketView[];
  interactions: Interaction[];
  salesActivities: SalesActivityView[];
  nextBestOffer: NextBestOfferView | null;
  offers: ActiveOfferView[];
  browsingProfile: BrowsingProfileView | null;
  valueTier: ValueTierView | null;
  openOpportunities: OpportunityView[];
}
