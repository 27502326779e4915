import { ANALYTICS_SCHEMA } from '../analytics.constants';

/** The projection tables, by role; a rebuild fills copies with a suffix and swaps them in (ADR 0026). */
export interface ProjectionTables {
  ticketFact: string;
  station: string;
  vehicleModel: string;
}

export const PROJECTION_TABLE_NAMES: ProjectionTables = {
  ticketFact: 'ticket_fact',
  station: 'station',
  vehicleModel: 'vehicle_model',
};

/** The qualified names, `analytics.ticket_fact` live or `analytics.ticket_fact_<suffix>` for a rebuild. */
export function projectionTables(suffix?: string): ProjectionTables {
  const qualify = (name: string) => `${ANALYTICS_SCHEMA}.${suffix ? `${name}_${suffix}` : name}`;
  return {
    ticketFact: qualify(PROJECTION_TABLE_NAMES.ticketFact),
    station: qualify(PROJECTION_TABLE_NAMES.station),
    vehicleModel: qualify(PROJECTION_TABLE_NAMES.vehicleModel),
  };
}

export const LIVE_TABLES = projectionTables();
