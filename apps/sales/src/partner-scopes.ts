/** How sales records are linked to dealers, by name in `@PartnerScoped`. */
export const SalesPartnerScopes = {
  lead: 'sales-lead',
  opportunity: 'sales-opportunity',
  activity: 'sales-activity',
  catalog: 'sales-catalog',
  quote: 'sales-quote',
  order: 'sales-order',
} as const;
