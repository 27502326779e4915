import { Injectable } from '@nestjs/common';
import { Clock } from '@crm/core';
import { csvLine } from '@crm/http';
import { OverallKpiQuery, PagedKpiQuery, ServiceKpiQuery } from './dto/service-kpi.query';
import { CsvColumn, fieldColumns, pagedCsv } from '../reports/paged-csv';
import {
  ServiceKpiReport,
  StationScorecard,
  StationScorecardPage,
  StationScorecardReport,
} from './dto/service-kpi.response';
import { TicketFactPage, TicketFactView } from './dto/ticket-fact.response';
import { freshnessView, reportWindow, windowView } from './report-window';
import { FactFilter, ServiceKpiRepository } from './service-kpi.repository';

const CSV_BATCH = 500;
const CSV_COLUMNS: Array<keyof TicketFactView> = [
  'ticketId',
  'ticketNumber',
  'openedAt',
  'qualityType',
  'severity',
  'status',
  'stationId',
  'stationName',
  'region',
  'model',
  'firstResponseAt',
  'acceptedAt',
  'resolvedAt',
  'closedAt',
  'reopenCount',
  'slaBreached',
  'satisfactionScore',
];

const durationColumns = (
  name: 'firstResponse' | 'stationAcceptance' | 'resolution',
): CsvColumn<StationScorecard>[] =>
  (['p50Seconds', 'p90Seconds', 'meanSeconds'] as const).map((stat) => ({
    name: `${name}.${stat}`,
    value: (card) => card.kpis[name][stat],
  }));
const SCORECARD_COLUMNS: CsvColumn<StationScorecard>[] = [
  ...fieldColumns<StationScorecard>(['stationId', 'stationName', 'region']),
  { name: 'tickets', value: (card) => card.kpis.tickets },
  ...durationColumns('firstResponse'),
  ...durationColumns('stationAcceptance'),
  ...durationColumns('resolution'),
  { name: 'slaBreachRate', value: (card) => card.kpis.slaBreachRate },
  { name: 'satisfaction.average', value: (card) => card.kpis.satisfaction.average },
  { name: 'satisfaction.count', value: (card) => card.kpis.satisfaction.count },
  { name: 'reopenRate', value: (card) => card.kpis.reopenRate },
];

/** Service KPIs over a window, each report stating its window and how fresh the projection is. */
@Injectable()
export class ServiceKpiService {
  constructor(
    private readonly kpis: ServiceKpiRepository,
    private readonly clock: Clock,
  ) {}

  async overall(query: OverallKpiQuery): Promise<ServiceKpiReport> {
    const { now, filter } = this.read(query);
    const [kpis, newest] = await Promise.all([this.kpis.overall(filter), this.kpis.newestEventAt()]);
    return { window: windowView(filter), freshness: freshnessView(now, newest), kpis };
  }

  async scorecards(query: PagedKpiQuery): Promise<StationScorecardPage> {
    const { now, filter } = this.read(query);
    const page = { limit: query.limit, offset: query.offset };
    const [found, newest] = await Promise.all([
      this.kpis.scorecards(filter, page),
      this.kpis.newestEventAt(),
    ]);
    return { window: windowView(filter), freshness: freshnessView(now, newest), ...page, ...found };
  }

  /** Every scorecard as CSV, its KPIs flattened; the window is checked at once, before anything is streamed. */
  scorecardsCsv(query: OverallKpiQuery): AsyncGenerator<string> {
    this.read(query);
    return pagedCsv(
      SCORECARD_COLUMNS,
      async (limit, offset) => (await this.scorecards({ ...query, limit, offset })).items,
    );
  }

  /** Any station's card, empty when it has no tickets in the window (the caller's access is checked before). */
  async scorecard(stationId: string, query: ServiceKpiQuery): Promise<StationScorecardReport> {
    const { now, filter } = this.read({ ...query, stationId });
    const [kpis, station, newest] = await Promise.all([
      this.kpis.overall(filter),
      this.kpis.station(stationId),
      this.kpis.newestEventAt(),
    ]);
    return {
      window: windowView(filter),
      freshness: freshnessView(now, newest),
      scorecard: { stationId, stationName: station.name, region: station.region, kpis },
    };
  }

  async facts(query: PagedKpiQuery): Promise<TicketFactPage> {
    const { now, filter } = this.read(query);
    const page = { limit: query.limit, offset: query.offset };
    const [found, newest] = await Promise.all([this.kpis.facts(filter, page), this.kpis.newestEventAt()]);
    return { window: windowView(filter), freshness: freshnessView(now, newest), ...page, ...found };
  }

  /** The ticket facts as CSV; the window is checked at once, before anything is streamed. */
  factsCsv(query: OverallKpiQuery): AsyncGenerator<string> {
    return this.csvLines(this.read(query).filter);
  }

  /** Read in keyset batches, so memory stays flat however many facts there are. */
  private async *csvLines(filter: FactFilter): AsyncGenerator<string> {
    yield csvLine(CSV_COLUMNS);
    for (let batch = await this.kpis.factsAfter(filter, null, CSV_BATCH); batch.length > 0;) {
      yield batch.map((fact) => csvLine(CSV_COLUMNS.map((column) => fact[column]))).join('');
      const last = batch[batch.length - 1];
      if (batch.length < CSV_BATCH) return;
      batch = await this.kpis.factsAfter(
        filter,
        { openedAt: last.openedAt, ticketId: last.ticketId },
        CSV_BATCH,
      );
    }
  }

  private read(query: OverallKpiQuery): { now: Date; filter: FactFilter } {
    const now = this.clock.now();
    const window = reportWindow(now, query.from, query.to);
    const { qualityType, model, region, stationId } = query;
    return { now, filter: { ...window, qualityType, model, region, stationId } };
  }
}
