import { QuotaSet, PayloadOf } from '@crm/contracts';

/**
 * A salesperson's targets for one month of the sales calendar:
 * - prospects: leads they own (sales.lead.owner_id) created in the month, in any status. Ownership,
 *   not who typed the lead in, decides: a web-form or call-center lead assigned to the rep counts
 *   for the rep, and a reassigned lead counts once, for its current owner.
 * - revenue: the amounts (CNY) of the opportunities they own that closed as won in the month.
 */
export interface Quota {
  id: string;
  userId: string;
  month: string;
  prospects: number;
  revenue: number;
  setBy: string;
  setAt: string;
}

export type QuotaSetPayload = PayloadOf<typeof QuotaSet>;

export function toQuotaSet(quota: Quota): QuotaSetPayload {
  return {
    quotaId: quota.id,
    userId: quota.userId,
    month: quota.month,
    prospects: quota.prospects,
    revenue: { amount: quota.revenue, currency: 'CNY' },
    setBy: quota.setBy,
    setAt: quota.setAt,
  };
}
