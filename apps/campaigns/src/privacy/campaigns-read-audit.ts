import { ReadAuditModule } from '@crm/platform';
import { CAMPAIGNS_SCHEMA } from '../campaigns.constants';

/** Campaigns routes that show people's data (a segment preview lists customers by name, scores rank them), audited per read (ADR 0013). */
export const CampaignsReadAudit = ReadAuditModule.forService({
  schema: CAMPAIGNS_SCHEMA,
  rules: {
    'GET /segments/:id/preview': 'segment.preview',
    'GET /campaign-models/:objective/segments/:id/scores': 'segment.scores',
    'GET /campaign-models/:objective/customers/:id/score': 'customer.score',
    'GET /cross-sell/customers/:id/next-best-offer': 'customer.next-best-offer',
  },
});
