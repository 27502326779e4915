import { Injectable } from '@nestjs/common';
import { Clock } from '@crm/core';
import { csvLine } from '@crm/http';
import { freshnessView, reportWindow } from '../service-kpis/report-window';
import { AgentKpiPageQuery, AgentKpiQuery } from './dto/agent-kpi.query';
import { AgentKpiPage, AgentKpis } from './dto/agent-kpi.response';
import { AgentFilter, AgentKpiRepository, AgentKpiRow } from './agent-kpi.repository';

const WINDOW_BASIS =
  'contacts and complaints recorded in [from, to); repeat contacts looked for up to 7 days after';
const CSV_BATCH = 500;
const CSV_COLUMNS: Array<keyof AgentKpis> = [
  'agentId',
  'contacts',
  'calls',
  'complaintsTaken',
  'timedCalls',
  'averageHandlingSeconds',
  'firstContactResolution',
  'ratedComplaints',
  'complaintSatisfaction',
];

const kpisOf = (row: AgentKpiRow): AgentKpis => ({
  agentId: row.agentId,
  contacts: row.contacts,
  calls: row.calls,
  complaintsTaken: row.complaints,
  timedCalls: row.timedCalls,
  averageHandlingSeconds: row.averageHandlingSeconds,
  firstContactResolution: row.inboundWithCustomer
    ? row.resolvedAtFirstContact / row.inboundWithCustomer
    : null,
  ratedComplaints: row.ratedComplaints,
  complaintSatisfaction: row.complaintSatisfaction,
});

/** Call-center agents' KPIs from the call center's contacts and complaints and the complaints' tickets. */
@Injectable()
export class AgentKpiService {
  constructor(
    private readonly kpis: AgentKpiRepository,
    private readonly clock: Clock,
  ) {}

  async page(query: AgentKpiPageQuery): Promise<AgentKpiPage> {
    const { now, filter } = this.read(query);
    const page = { limit: query.limit, offset: query.offset };
    const [rows, newest] = await Promise.all([this.kpis.rows(filter, page), this.kpis.newestEventAt()]);
    return {
      window: { from: filter.from.toISOString(), to: filter.to.toISOString(), basis: WINDOW_BASIS },
      freshness: freshnessView(now, newest),
      ...page,
      total: rows.total,
      items: rows.items.map(kpisOf),
    };
  }

  /** The rows as CSV; the window is checked at once, before anything is streamed. */
  rowsCsv(query: AgentKpiQuery): AsyncGenerator<string> {
    return this.csvLines(this.read(query).filter);
  }

  private async *csvLines(filter: AgentFilter): AsyncGenerator<string> {
    yield csvLine(CSV_COLUMNS);
    for (let batch = await this.kpis.rowsAfter(filter, null, CSV_BATCH); batch.length > 0;) {
      yield batch.map((row) => csvLine(CSV_COLUMNS.map((column) => kpisOf(row)[column]))).join('');
      if (batch.length < CSV_BATCH) return;
      batch = await this.kpis.rowsAfter(filter, batch[batch.length - 1].agentId, CSV_BATCH);
    }
  }

  private read(query: AgentKpiQuery): { now: Date; filter: AgentFilter } {
    const now = this.clock.now();
    return { now, filter: { ...reportWindow(now, query.from, query.to), agentId: query.agentId } };
  }
}
