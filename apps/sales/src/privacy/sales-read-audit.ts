import { ReadAuditModule } from '@crm/platform';
import { SALES_SCHEMA } from '../sales.constants';

/** Sales routes that show people's data (leads' names and contacts, activity notes), audited per read (ADR 0013). */
export const SalesReadAudit = ReadAuditModule.forService({
  schema: SALES_SCHEMA,
  rules: {
    'GET /leads': 'lead.list',
    'GET /leads/:id': 'lead.read',
    'GET /opportunities': 'opportunity.list',
    'GET /opportunities/:id': 'opportunity.read',
    'GET /activities': 'activity.list',
    'GET /activities/:id': 'activity.read',
    'GET /privacy/sales/customers/:id/export': 'customer.export',
  },
});
