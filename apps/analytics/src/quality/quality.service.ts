import { Injectable } from '@nestjs/common';
import { Clock, InvalidInputError } from '@crm/core';
import { TicketFactPage } from '../service-kpis/dto/ticket-fact.response';
import { ServiceKpiService } from '../service-kpis/service-kpi.service';
import { fieldColumns, pagedCsv } from '../reports/paged-csv';
import {
  CellTicketsQuery,
  ComplaintRateFilter,
  ComplaintRateQuery,
  QualityAlertQuery,
  QualityCell,
} from './dto/quality.query';
import {
  ComplaintRateCell,
  ComplaintRatePage,
  QualityAlertPage,
  QualityAlertView,
  QualityCheckResult,
} from './dto/quality.response';
import { QualityAlertChecker } from './quality-alert-checker';
import { CellFilter, QualityAlertRow, QualityRepository } from './quality.repository';
import { addMonths, monthRange } from './seasonal-baseline';

const RATE_BASIS =
  'tickets opened in each month (UTC) with a vehicle of a known model, per 1,000 vehicles of the model';
const DEFAULT_MONTHS = 12;
const RATE_COLUMNS = fieldColumns<ComplaintRateCell>([
  'month',
  'model',
  'qualityType',
  'complaints',
  'vehicles',
  'complaintsPer1000',
]);
const ALERT_COLUMNS = fieldColumns<QualityAlertView>([
  'alertId',
  'month',
  'model',
  'qualityType',
  'complaints',
  'vehicles',
  'expected',
  'upperBound',
  'raisedAt',
]);

const alertView = (row: QualityAlertRow): QualityAlertView => ({
  ...row,
  raisedAt: row.raisedAt.toISOString(),
});

/** Complaints per 1,000 vehicles by model, quality type and month; the alerts on them; a cell's tickets. */
@Injectable()
export class QualityService {
  constructor(
    private readonly quality: QualityRepository,
    private readonly checker: QualityAlertChecker,
    private readonly tickets: ServiceKpiService,
    private readonly clock: Clock,
  ) {}

  async rates(query: ComplaintRateQuery): Promise<ComplaintRatePage> {
    const filter = this.cellFilter(query);
    const page = { limit: query.limit, offset: query.offset };
    const [cells, fleet] = await Promise.all([this.quality.cellPage(filter, page), this.quality.fleet()]);
    const items = cells.items.map((cell) => {
      const vehicles = fleet.get(cell.model) ?? 0;
      return { ...cell, vehicles, complaintsPer1000: vehicles ? (cell.complaints * 1000) / vehicles : 0 };
    });
    return { basis: RATE_BASIS, ...page, total: cells.total, items };
  }

  /** Every cell as CSV; the months are checked at once, before anything is streamed. */
  ratesCsv(query: ComplaintRateFilter): AsyncGenerator<string> {
    this.cellFilter(query);
    return pagedCsv(
      RATE_COLUMNS,
      async (limit, offset) => (await this.rates({ ...query, limit, offset })).items,
    );
  }

  private cellFilter(query: ComplaintRateFilter): CellFilter {
    const toMonth = query.to ?? this.clock.now().toISOString().slice(0, 7);
    const fromMonth = query.from ?? addMonths(toMonth, 1 - DEFAULT_MONTHS);
    if (fromMonth > toMonth)
      throw new InvalidInputError([{ field: 'from', message: 'from must not be after to' }]);
    return { fromMonth, toMonth, model: query.model, qualityType: query.qualityType };
  }

  /** Every ticket fact behind one cell as CSV, oldest first. */
  cellTicketsCsv(cell: QualityCell): AsyncGenerator<string> {
    const { from, to } = monthRange(cell.month);
    const { model, qualityType } = cell;
    return this.tickets.factsCsv({ from: from.toISOString(), to: to.toISOString(), model, qualityType });
  }

  /** The ticket facts behind one cell, oldest first. */
  cellTickets(query: CellTicketsQuery): Promise<TicketFactPage> {
    const { from, to } = monthRange(query.month);
    return this.tickets.facts({
      from: from.toISOString(),
      to: to.toISOString(),
      model: query.model,
      qualityType: query.qualityType,
      limit: query.limit,
      offset: query.offset,
    });
  }

  async alerts(query: QualityAlertQuery): Promise<QualityAlertPage> {
    const page = { limit: query.limit, offset: query.offset };
    const rows = await this.quality.alerts(query.month, page);
    return {
      ...page,
      total: rows[0]?.total ?? 0,
      items: rows.map(({ total: _total, ...row }) => alertView(row)),
    };
  }

  alertsCsv(month: string | undefined): AsyncGenerator<string> {
    return pagedCsv(
      ALERT_COLUMNS,
      async (limit, offset) => (await this.alerts({ month, limit, offset })).items,
    );
  }

  async check(month: string): Promise<QualityCheckResult> {
    return { month, raised: (await this.checker.check(month)).map(alertView) };
  }
}
