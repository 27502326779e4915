import { ReadAuditModule } from '@crm/platform';
import { CAMPAIGNS_SCHEMA } from '../campaigns.constants';

/** Campaigns routes that show people's data (a segment preview lists customers by name), audited per read (ADR 0013). */
export const CampaignsReadAudit = ReadAuditModule.forService({
  schema: CAMPAIGNS_SCHEMA,
  rules: {
    'GET /segments/:id/preview': 'segment.preview',
    'GET /cross-sell/customers/:id/next-best-offer': 'customer.next-best-offer',
  },
});
