import { LeadInterest, LeadSource, LeadStatus } from '@crm/contracts';

export interface Lead {
  id: string;
  source: LeadSource;
  status: LeadStatus;
  name: string;
  phone: string | null;
  email: string | null;
  customerId: string | null;
  ownerId: string | null;
  partnerId: string | null;
  score: number;
  interest: LeadInterest;
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
