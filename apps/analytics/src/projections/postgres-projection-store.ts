import { EntityManager } from 'typeorm';
import { PostgresSalesPerformanceStore } from '../sales-performance/sales-performance-store';
import { CustomerValueStore } from '../customer-value/customer-value-store';
import { MarketStore } from '../market/market-store';
import { AgentActivityStore } from '../agent-kpis/agent-activity-store';
import { currentCustomerId, resolvingCustomerIds } from '../customer-value/customer-identity';
import { SevenPsStore } from '../seven-ps/seven-ps-store';
import { CampaignRecipientStore } from '../seven-ps/campaign-recipient-store';
import { ProjectionStore, StationChange, VehicleModelChange } from './projection-store';
import { ProjectionTables } from './projection-tables';
import { roundsByKey } from './rounds-by-key';
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
  readonly campaignRecipients: CampaignRecipientStore;

  constructor(private readonly tables: ProjectionTables) {
    super();
    this.market = new MarketStore(tables);
    this.agentActivity = new AgentActivityStore(tables);
    this.salesPerformance = new PostgresSalesPerformanceStore(tables);
    this.customerValue = new CustomerValueStore(tables);
    this.sevenPs = new SevenPsStore(tables);
    this.campaignRecipients = new CampaignRecipientStore(tables);
  }

  /** Set-based (ADR 0045): one multi-row upsert per round of distinct tickets, in ticket order (one lock order). */
  async applyTicketChanges(tx: EntityManager, changes: TicketFactChange[]): Promise<void> {
    for (const round of roundsByKey(changes, (change) => change.ticketId))
      await tx.query(
        `INSERT INTO ${this.tables.ticketFact} AS t (ticket_id, ticket_number, opened_at, quality_type, severity, channel,
           vehicle_id, selling_dealer_id, status, status_at, status_event_id, station_id, station_at, station_event_id,
           first_response_at, accepted_at, resolved_at, closed_at, reopen_event_ids, response_breached,
           resolution_breached, satisfaction_score, satisfaction_at, satisfaction_event_id, last_event_at)
         SELECT c.ticket_id, c.ticket_number, c.opened_at, c.quality_type, c.severity, c.channel, c.vehicle_id,
           c.selling_dealer_id, c.status, c.occurred_at, c.event_id, c.station_id,
           CASE WHEN c.station_id IS NULL THEN NULL ELSE c.occurred_at END,
           CASE WHEN c.station_id IS NULL THEN NULL ELSE c.event_id END,
           c.first_response_at, c.accepted_at, c.resolved_at, c.closed_at,
           CASE WHEN c.reopen_event_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[c.reopen_event_id] END,
           c.response_breached, c.resolution_breached, c.satisfaction_score,
           CASE WHEN c.satisfaction_score IS NOT NULL THEN c.occurred_at END,
           CASE WHEN c.satisfaction_score IS NOT NULL THEN c.event_id END, c.occurred_at
         FROM jsonb_to_recordset($1::jsonb) AS c (ticket_id uuid, ticket_number text, opened_at timestamptz,
           quality_type text, severity text, channel text, vehicle_id uuid, selling_dealer_id uuid, status text,
           occurred_at timestamptz, event_id uuid, station_id uuid, first_response_at timestamptz,
           accepted_at timestamptz, resolved_at timestamptz, closed_at timestamptz, reopen_event_id uuid,
           response_breached boolean, resolution_breached boolean, satisfaction_score smallint)
         ORDER BY c.ticket_id
         ON CONFLICT (ticket_id) DO UPDATE SET
           ${[...STATUS_RULES, ...STATION_RULES, ...SATISFACTION_RULES].join(',\n           ')},
           first_response_at = LEAST(t.first_response_at, EXCLUDED.first_response_at),
           accepted_at = LEAST(t.accepted_at, EXCLUDED.accepted_at),
           resolved_at = GREATEST(t.resolved_at, EXCLUDED.resolved_at),
           closed_at = GREATEST(t.closed_at, EXCLUDED.closed_at),
           reopen_event_ids = CASE WHEN EXCLUDED.reopen_event_ids <@ t.reopen_event_ids THEN t.reopen_event_ids
             ELSE t.reopen_event_ids || EXCLUDED.reopen_event_ids END,
           response_breached = t.response_breached OR EXCLUDED.response_breached,
           resolution_breached = t.resolution_breached OR EXCLUDED.resolution_breached,
           last_event_at = GREATEST(t.last_event_at, EXCLUDED.last_event_at)`,
        [JSON.stringify(round.map(ticketFactRow))],
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
    await resolvingCustomerIds(tx);
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

/** A change as the recordset row `applyTicketChanges` reads. */
function ticketFactRow(change: TicketFactChange) {
  return {
    ticket_id: change.ticketId,
    ticket_number: change.ticketNumber,
    opened_at: change.openedAt,
    quality_type: change.qualityType,
    severity: change.severity,
    channel: change.channel,
    vehicle_id: change.vehicleId,
    selling_dealer_id: change.sellingDealerId,
    status: change.status,
    occurred_at: change.occurredAt,
    event_id: change.eventId,
    station_id: change.stationId,
    first_response_at: change.firstResponseAt,
    accepted_at: change.acceptedAt,
    resolved_at: change.resolvedAt,
    closed_at: change.closedAt,
    reopen_event_id: change.reopenEventId,
    response_breached: change.responseBreached,
    resolution_breached: change.resolutionBreached,
    satisfaction_score: change.satisfactionScore,
  };
}
