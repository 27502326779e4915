import { EntityManager } from 'typeorm';
import { PostgresSalesPerformanceStore } from '../sales-performance/sales-performance-store';
import { CustomerValueStore } from '../customer-value/customer-value-store';
import { MarketStore } from '../market/market-store';
import { AgentActivityStore } from '../agent-kpis/agent-activity-store';
import { currentCustomerId } from '../customer-value/customer-identity';
import { SevenPsStore } from '../seven-ps/seven-ps-store';
import { ProjectionStore, StationChange, VehicleModelChange } from './projection-store';
import { ProjectionTables } from './projection-tables';
import { TicketFactChange } from './ticket-fact-change';

/** `column` takes the incoming value when the incoming (at, event id) is later than the stored one. */
const latestWins = (column: string, at: string, eventId: string, when = 'true') =>
  `${column} = CASE WHEN ${when} AND (t.${at} IS NULL OR (t.${at}, t.${eventId}) < (EXCLUDED.${at}, EXCLUDED.${eventId}))
     THEN EXCLUDED.${column} ELSE t.${column} END`;

const SUMMARY_COLUMNS = [
  'ticket_number',
  'opened_at',
  'quality_type',
  'severity',
  'channel',
  'vehicle_id',
  'selling_dealer_id',
  'status',
];
const STATUS_RULES = [...SUMMARY_COLUMNS, 'status_event_id', 'status_at'].map((column) =>
  latestWins(column, 'status_at', 'status_event_id'),
);
const STATION_RULES = ['station_id', 'station_event_id', 'station_at'].map((column) =>
  latestWins(column, 'station_at', 'station_event_id', 'EXCLUDED.station_id IS NOT NULL'),
);
const SATISFACTION_RULES = ['satisfaction_score', 'satisfaction_event_id', 'satisfaction_at'].map((column) =>
  latestWins(column, 'satisfaction_at', 'satisfaction_event_id', 'EXCLUDED.satisfaction_score IS NOT NULL'),
);

/** The projections in PostgreSQL; the tables are the live ones, or a rebuild's copies. */
export class PostgresProjectionStore extends ProjectionStore {
  readonly salesPerformance: PostgresSalesPerformanceStore;
  readonly customerValue: CustomerValueStore;
  readonly market: MarketStore;
  readonly agentActivity: AgentActivityStore;
  readonly sevenPs: SevenPsStore;

  constructor(private readonly tables: ProjectionTables) {
    super();
    this.market = new MarketStore(tables);
    this.agentActivity = new AgentActivityStore(tables);
    this.salesPerformance = new PostgresSalesPerformanceStore(tables);
    this.customerValue = new CustomerValueStore(tables);
    this.sevenPs = new SevenPsStore(tables);
  }

  async applyTicketChange(tx: EntityManager, change: TicketFactChange): Promise<void> {
    const scored = change.satisfactionScore !== null;
    await tx.query(
      `INSERT INTO ${this.tables.ticketFact} AS t (ticket_id, ticket_number, opened_at, quality_type, severity, channel,
         vehicle_id, selling_dealer_id, status, status_at, status_event_id, station_id, station_at, station_event_id,
         first_response_at, accepted_at, resolved_at, closed_at, reopen_event_ids, response_breached,
         resolution_breached, satisfaction_score, satisfaction_at, satisfaction_event_id, last_event_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
         CASE WHEN $12::uuid IS NULL THEN NULL ELSE $10::timestamptz END, CASE WHEN $12::uuid IS NULL THEN NULL ELSE $11::uuid END,
         $13, $14, $15, $16, $17, $18, $19, $20,
         CASE WHEN $21 THEN $10::timestamptz END, CASE WHEN $21 THEN $11::uuid END, $10)
       ON CONFLICT (ticket_id) DO UPDATE SET
         ${[...STATUS_RULES, ...STATION_RULES, ...SATISFACTION_RULES].join(',\n         ')},
         first_response_at = LEAST(t.first_response_at, EXCLUDED.first_response_at),
         accepted_at = LEAST(t.accepted_at, EXCLUDED.accepted_at),
         resolved_at = GREATEST(t.resolved_at, EXCLUDED.resolved_at),
         closed_at = GREATEST(t.closed_at, EXCLUDED.closed_at),
         reopen_event_ids = CASE WHEN EXCLUDED.reopen_event_ids <@ t.reopen_event_ids THEN t.reopen_event_ids
           ELSE t.reopen_event_ids || EXCLUDED.reopen_event_ids END,
         response_breached = t.response_breached OR EXCLUDED.response_breached,
         resolution_breached = t.resolution_breached OR EXCLUDED.resolution_breached,
         last_event_at = GREATEST(t.last_event_at, EXCLUDED.last_event_at)`,
      [
        change.ticketId,
        change.ticketNumber,
        change.openedAt,
        change.qualityType,
        change.severity,
        change.channel,
        change.vehicleId,
        change.sellingDealerId,
        change.status,
        change.occurredAt,
        change.eventId,
        change.stationId,
        change.firstResponseAt,
        change.acceptedAt,
        change.resolvedAt,
        change.closedAt,
        change.reopenEventId ? [change.reopenEventId] : [],
        change.responseBreached,
        change.resolutionBreached,
        change.satisfactionScore,
        scored,
      ],
    );
  }

  async upsertStation(tx: EntityManager, station: StationChange): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.tables.station} AS t (station_id, name, region, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (station_id) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region, updated_at = EXCLUDED.updated_at
       WHERE t.updated_at < EXCLUDED.updated_at`,
      [station.stationId, station.name, station.region, station.at],
    );
  }

  async upsertVehicleModel(tx: EntityManager, vehicle: VehicleModelChange): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.tables.vehicleModel} AS t (vehicle_id, model, owner_customer_id, updated_at)
       VALUES ($1, $2, ${currentCustomerId('$3')}, $4)
       ON CONFLICT (vehicle_id) DO UPDATE SET model = EXCLUDED.model, owner_customer_id = EXCLUDED.owner_customer_id,
         updated_at = EXCLUDED.updated_at
       WHERE t.updated_at < EXCLUDED.updated_at`,
      [vehicle.vehicleId, vehicle.model, vehicle.ownerCustomerId, vehicle.at],
    );
  }
}
