/** The customer-value projections, by role; a rebuild replays them into copies and swaps them in (ADR 0027). */
export const CUSTOMER_VALUE_TABLE_NAMES = {
  orderFact: 'order_fact',
  repairFact: 'repair_fact',
  valueCustomer: 'value_customer',
};
export type CustomerValueTables = Record<keyof typeof CUSTOMER_VALUE_TABLE_NAMES, string>;

/** Outlive every rebuild: the erased ids (ADR 0027) and the recompute's output (tiers compared against). */
export const ERASED_CUSTOMERS = 'analytics.erased_customer';
/** Merged-away customer ids and their survivors (ADR 0036); outlive every rebuild like the erased ids. */
export const MERGED_CUSTOMERS = 'analytics.merged_customer';
export const CUSTOMER_VALUES = 'analytics.customer_value';
export const RECOMPUTE_RUN = 'analytics.customer_value_run';
/**
 * The recompute's run numbers, which number its tier events (ADR 0063). It must stay the only writer of
 * `customer-value` events: numbered from `aggregate_sequence`, another writer's would be lower than any run's, and
 * replicas would drop them.
 */
export const RUN_NUMBER = 'analytics.customer_value_run_number';
/** Orders and paid repairs a DMS cancelled (ADR 0054); outlive every rebuild, so a cancellation wins in any order. */
export const CANCELLED_PURCHASES = 'analytics.cancelled_purchase';
