/** The market view's projections, by role (analytics.<name>); the rebuild copies and swaps them with the others. */
export const MARKET_TABLE_NAMES = {
  marketOrder: 'market_order',
  marketOrderModel: 'market_order_model',
  marketRepair: 'market_repair',
} as const;

/** The projections, each its own consumer, reading their topics together (ADR 0062). */
export const MARKET_CONSUMERS = {
  marketOrders: 'market-orders',
  marketRepairs: 'market-repairs',
} as const;

export type MarketTables = Record<keyof typeof MARKET_TABLE_NAMES, string>;
