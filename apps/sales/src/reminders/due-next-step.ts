/** An activity's next step that fell due without a later activity on the same record following it up. */
export interface DueNextStep {
  activityId: string;
  subject: string;
  nextStep: string;
  nextStepDue: string;
  ownerId: string;
  customerId: string | null;
  leadId: string | null;
  opportunityId: string | null;
  partnerId: string | null;
}
