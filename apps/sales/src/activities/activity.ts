import { ActivityType } from '@crm/contracts';

/** A call, visit, meeting, test drive, email or task: what was discussed and the next step, as fields. */
export interface Activity {
  id: string;
  type: ActivityType;
  subject: string;
  discussed: string;
  nextStep: string | null;
  nextStepDue: string | null;
  occurredAt: string;
  customerId: string | null;
  leadId: string | null;
  opportunityId: string | null;
  ownerId: string;
  partnerId: string | null;
  createdAt: string;
}
