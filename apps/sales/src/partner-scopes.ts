/** How sales records are linked to dealers, by name in `@PartnerScoped`. */
export const SalesPartnerScopes = {
  lead: 'sales-lead',
  opportunity: 'sales-opportunity',
  activity: 'sales-activity',
  notification: 'sales-notification',
  catalog: 'sales-catalog',
  quote: 'sales-quote',
  order: 'sales-order',
} as const;
