import { GeoPoint, LeadInterest, LeadSource, LeadStatus } from '@crm/contracts';
import { CustomerMatch } from '../customers/customer-contact';
import { LeadAssignment } from './assignment/lead-assignment';

export interface Lead {
  id: string;
  source: LeadSource;
  status: LeadStatus;
  name: string;
  phone: string | null;
  email: string | null;
  customerId: string | null;
  /** Whom the lead may be when capture found no single customer. */
  customerCandidates: CustomerMatch[];
  ownerId: string | null;
  partnerId: string | null;
  score: number;
  interest: LeadInterest;
  /** Where the prospect is, for the nearest dealer. */
  location: GeoPoint | null;
  /** How the lead got its dealer or owner, when a rule chose. */
  assignment: LeadAssignment | null;
  campaignId: string | null;
  notes: string | null;
  opportunityId: string | null;
  capturedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Statuses a person may set by hand; `converted` is reached only by converting. */
export const WORKABLE_LEAD_STATUSES = ['new', 'contacted', 'qualified', 'disqualified'] as const;

export function isClosed(lead: Lead): boolean {
  return lead.status === 'converted';
}
