import { ANALYTICS_SCHEMA } from '../analytics.constants';
import { CUSTOMER_VALUE_TABLE_NAMES, CustomerValueTables } from '../customer-value/customer-value-tables';

/** The projection tables, by role; a rebuild fills copies with a suffix and swaps them in (ADR 0026). */
export interface ProjectionTables extends CustomerValueTables {
  ticketFact: string;
  station: string;
  vehicleModel: string;
}

export const PROJECTION_TABLE_NAMES: ProjectionTables = {
  ticketFact: 'ticket_fact',
  station: 'station',
  vehicleModel: 'vehicle_model',
  ...CUSTOMER_VALUE_TABLE_NAMES,
};

/** The qualified names, `analytics.ticket_fact` live or `analytics.ticket_fact_<suffix>` for a rebuild. */
export function projectionTables(suffix?: string): ProjectionTables {
  const qualify = (name: string) => `${ANALYTICS_SCHEMA}.${suffix ? `${name}_${suffix}` : name}`;
  const names = Object.entries(PROJECTION_TABLE_NAMES).map(([role, name]) => [role, qualify(name)]);
  return Object.fromEntries(names) as ProjectionTables;
}

export const LIVE_TABLES = projectionTables();
