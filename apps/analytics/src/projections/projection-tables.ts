import { ANALYTICS_SCHEMA } from '../analytics.constants';
import { CUSTOMER_VALUE_TABLE_NAMES } from '../customer-value/customer-value-tables';
import { SALES_PERFORMANCE_TABLE_NAMES } from '../sales-performance/sales-performance-tables';
import { MARKET_TABLE_NAMES } from '../market/market-tables';
import { AGENT_KPI_TABLE_NAMES } from '../agent-kpis/agent-kpi-tables';
import { SEVEN_PS_TABLE_NAMES } from '../seven-ps/seven-ps-tables';

/** The projection tables, by role; a rebuild fills copies with a suffix and swaps them in (ADR 0026). */
export const PROJECTION_TABLE_NAMES = {
  ticketFact: 'ticket_fact',
  station: 'station',
  vehicleModel: 'vehicle_model',
  ...SALES_PERFORMANCE_TABLE_NAMES,
  ...CUSTOMER_VALUE_TABLE_NAMES,
  ...MARKET_TABLE_NAMES,
  ...AGENT_KPI_TABLE_NAMES,
  ...SEVEN_PS_TABLE_NAMES,
} as const;

export type ProjectionTables = Record<keyof typeof PROJECTION_TABLE_NAMES, string>;

/** The qualified names, `analytics.ticket_fact` live or `analytics.ticket_fact_<suffix>` for a rebuild. */
export function projectionTables(suffix?: string): ProjectionTables {
  const qualify = (name: string) => `${ANALYTICS_SCHEMA}.${suffix ? `${name}_${suffix}` : name}`;
  const entries = Object.entries(PROJECTION_TABLE_NAMES).map(([role, name]) => [role, qualify(name)]);
  return Object.fromEntries(entries) as ProjectionTables;
}

export const LIVE_TABLES = projectionTables();
