import { Injectable } from '@nestjs/common';
import { Clock } from '@crm/core';
import { csvLine } from '@crm/http';
import { freshnessView, reportWindow, windowView } from '../service-kpis/report-window';
import { forecastAccuracy } from './forecast-accuracy';
import { SalesExportQuery, SalesPerformancePageQuery } from './dto/sales-performance.query';
import { SalesFigures, SalesPerformanceReport, SalesPerformanceRow } from './dto/sales-performance.response';
import {
  SalesFigureRow,
  SalesFilter,
  SalesGrouping,
  SalesPerformanceRepository,
  SalesSums,
} from './sales-performance.repository';

export const SALES_WINDOW_BASIS =
  'opportunities closed in [from, to); quotas and forecasts of the months starting in it; pipeline: open now';
const CSV_BATCH = 500;
const CSV_COLUMNS: Array<keyof SalesPerformanceRow> = [
  'ownerId',
  'managerId',
  'dealerId',
  'name',
  'won',
  'lost',
  'winRate',
  'wonRevenue',
  'averageCycleDays',
  'openOpportunities',
  'pipelineAmount',
  'quotaRevenue',
  'quotaAttainment',
  'forecastRevenue',
  'forecastAccuracy',
];

const ratio = (part: number, whole: number | null) => (whole ? part / whole : null);

function figuresOf(row: SalesSums): SalesFigures {
  return {
    won: row.won,
    lost: row.lost,
    winRate: ratio(row.won, row.won + row.lost),
    wonRevenue: row.wonRevenue,
    averageCycleDays: row.cycleDaysSum === null ? null : ratio(row.cycleDaysSum, row.won),
    openOpportunities: row.openOpportunities,
    pipelineAmount: row.pipelineAmount,
    quotaRevenue: row.quotaRevenue,
    quotaAttainment: ratio(row.wonRevenue, row.quotaRevenue),
    forecastRevenue: row.forecastRevenue,
    forecastAccuracy: forecastAccuracy(row.forecastRevenue, row.wonRevenue),
  };
}

const rowOf =
  (grouping: SalesGrouping) =>
  (row: SalesFigureRow): SalesPerformanceRow => ({
    ownerId: grouping === 'rep' ? row.key : null,
    managerId: grouping === 'team' && row.key !== '' ? row.key : null,
    dealerId: grouping === 'dealer' && row.key !== '' ? row.key : null,
    name: row.name,
    ...figuresOf(row),
  });

/** Sales performance per rep or dealer over a window: win rate, cycle, quota attainment, pipeline. */
@Injectable()
export class SalesPerformanceService {
  constructor(
    private readonly sales: SalesPerformanceRepository,
    private readonly clock: Clock,
  ) {}

  async report(query: SalesPerformancePageQuery): Promise<SalesPerformanceReport> {
    const { now, filter } = this.read(query);
    const by = query.by ?? 'rep';
    const page = { limit: query.limit, offset: query.offset };
    const [rows, totals, pipeline, newest] = await Promise.all([
      this.sales.rows(filter, by, page),
      this.sales.totals(filter),
      this.sales.pipeline(filter),
      this.sales.newestEventAt(),
    ]);
    return {
      window: { ...windowView(filter), basis: SALES_WINDOW_BASIS },
      freshness: freshnessView(now, newest),
      pipeline,
      totals: figuresOf(totals),
      by,
      ...page,
      total: rows.total,
      items: rows.items.map(rowOf(by)),
    };
  }

  /** The rows as CSV; the window is checked at once, before anything is streamed. */
  rowsCsv(query: SalesExportQuery): AsyncGenerator<string> {
    return this.csvLines(this.read(query).filter, query.by ?? 'rep');
  }

  private async *csvLines(filter: SalesFilter, by: SalesGrouping): AsyncGenerator<string> {
    yield csvLine(CSV_COLUMNS);
    const toRow = rowOf(by);
    for (let batch = await this.sales.rowsAfter(filter, by, null, CSV_BATCH); batch.length > 0;) {
      yield batch.map((row) => csvLine(CSV_COLUMNS.map((column) => toRow(row)[column]))).join('');
      if (batch.length < CSV_BATCH) return;
      batch = await this.sales.rowsAfter(filter, by, batch[batch.length - 1].key, CSV_BATCH);
    }
  }

  private read(query: SalesExportQuery): { now: Date; filter: SalesFilter } {
    const now = this.clock.now();
    const window = reportWindow(now, query.from, query.to);
    const { ownerId, managerId, dealerId, region } = query;
    return { now, filter: { ...window, ownerId, managerId, dealerId, region } };
  }
}
