import { Inject, Injectable } from '@nestjs/common';
import { Clock, InvalidInputError } from '@crm/core';
import { csvLine } from '@crm/http';
import { CUSTOMER_VALUE_SETTINGS, CustomerValueSettings } from '../customer-value/customer-value-settings';
import { CustomerValueRepository } from '../customer-value/customer-value.repository';
import { freshnessView, reportWindow } from '../service-kpis/report-window';
import { SevenPsPageQuery, SevenPsQuery } from './dto/seven-ps.query';
import { SevenPsReport } from './dto/seven-ps.response';
import { SEVEN_PS_FILTERS, SevenP, SevenPReport, SevenPsGrouping } from './seven-p-report';
import { SEVEN_P_REPORTS } from './seven-ps.reports';
import { SevenPsRepository, SevenPsValues } from './seven-ps.repository';

const DAY_MS = 86_400_000;
const CSV_BATCH = 500;

interface SevenPsRead {
  report: SevenPReport;
  by: SevenPsGrouping;
  window: { from: Date; to: Date };
  values: SevenPsValues;
}

/** The Seven Ps reports; each states its window, what it selects, its freshness and what it cannot show. */
@Injectable()
export class SevenPsService {
  constructor(
    private readonly reports: SevenPsRepository,
    private readonly values: CustomerValueRepository,
    private readonly clock: Clock,
    @Inject(CUSTOMER_VALUE_SETTINGS) private readonly settings: CustomerValueSettings,
  ) {}

  async report(p: SevenP, query: SevenPsPageQuery): Promise<SevenPsReport> {
    const now = this.clock.now();
    const read = await this.read(p, query, now);
    const page = { limit: query.limit, offset: query.offset };
    const [found, newest] = await Promise.all([
      this.reports.page(read.report, read.by, read.values, page),
      this.reports.newestEventAt(read.report),
    ]);
    return {
      p,
      window: {
        from: read.window.from.toISOString(),
        to: read.window.to.toISOString(),
        basis: read.report.basis,
      },
      freshness: freshnessView(now, newest),
      currency: this.settings.currency,
      by: read.by,
      groupings: [...read.report.groupings],
      filters: [...read.report.filters(read.by)],
      missing: read.report.missing,
      ...page,
      ...found,
    };
  }

  /** The rows as CSV; the query is checked at once, before anything is streamed. */
  async csv(p: SevenP, query: SevenPsQuery): Promise<AsyncGenerator<string>> {
    return this.csvLines(await this.read(p, query, this.clock.now()));
  }

  private async *csvLines({ report, by, values }: SevenPsRead): AsyncGenerator<string> {
    for (let offset = 0; ; offset += CSV_BATCH) {
      const { columns, items } = await this.reports.page(report, by, values, { limit: CSV_BATCH, offset });
      if (offset === 0) yield csvLine(columns);
      yield items.map((row) => csvLine(columns.map((column) => row[column]))).join('');
      if (items.length < CSV_BATCH) return;
    }
  }

  private async read(p: SevenP, query: SevenPsQuery, now: Date): Promise<SevenPsRead> {
    const report = SEVEN_P_REPORTS[p];
    const by = query.by ?? report.groupings[0];
    if (!report.groupings.includes(by)) throw invalid('by', `${p} groups by ${report.groupings.join(', ')}`);
    const allowed = report.filters(by);
    const refused = SEVEN_PS_FILTERS.find(
      (filter) => query[filter] !== undefined && !allowed.includes(filter),
    );
    if (refused) throw invalid(refused, `${p} by ${by} takes no ${refused} filter`);
    const window = await this.window(report, query, now);
    const filters = Object.fromEntries(SEVEN_PS_FILTERS.map((filter) => [filter, query[filter] ?? null]));
    return { report, by, window, values: { ...filters, ...window, currency: this.settings.currency } };
  }

  /** The query's window, or for the value figures the last recompute's (from and to refused). */
  private async window(
    report: SevenPReport,
    query: SevenPsQuery,
    now: Date,
  ): Promise<{ from: Date; to: Date }> {
    if (report.windowed) return reportWindow(now, query.from, query.to);
    const given = (['from', 'to'] as const).find((field) => query[field] !== undefined);
    if (given) throw invalid(given, `${report.p} covers the last value recompute's window`);
    const computed = await this.values.computed();
    return {
      from: computed?.windowFrom ?? new Date(now.getTime() - this.settings.windowDays * DAY_MS),
      to: computed?.computedAt ?? now,
    };
  }
}

const invalid = (field: string, message: string) => new InvalidInputError([{ field, message }]);
