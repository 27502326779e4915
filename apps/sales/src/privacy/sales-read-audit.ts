import { ReadAuditModule } from '@crm/platform';
import { SALES_SCHEMA } from '../sales.constants';

/**
 * Sales routes that show people's data (leads' names and contacts, activity notes), audited per read (ADR 0013).
 * The pipeline lists are the busiest reads, so their audit rows commit without a flush wait (ADR 0023).
 */
export const SalesReadAudit = ReadAuditModule.forService({
  schema: SALES_SCHEMA,
  asynchronousCommit: true,
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
