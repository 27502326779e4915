import { Money } from '@crm/contracts';

export interface OpenOpportunityCommand {
  name: string;
  pipelineId?: string;
  stage?: string;
  amount?: Money | null;
  expectedCloseDate?: string | null;
  customerId?: string | null;
  leadId?: string | null;
  ownerId: string;
  partnerId: string | null;
  region?: string | null;
  openedBy: string;
}
