import { Injectable } from '@nestjs/common';
import { Clock, InvalidInputError } from '@crm/core';
import { csvLine } from '@crm/http';
import { freshnessView } from '../service-kpis/report-window';
import { MarketExportQuery, MarketPageQuery } from './dto/market.query';
import { MarketReport, MarketSeries } from './dto/market.response';
import { dimensionAvailable, MarketFilter, MarketRepository, MonthValue } from './market.repository';
import { addMonths, monthsBetween, salesMonthOf } from './sales-months';
import { forecastSeries } from './series-forecast';
import { Seasonality } from './holt-winters';

const DEFAULT_HISTORY_MONTHS = 36;
const MAX_HISTORY_MONTHS = 120;
const CSV_BATCH = 200;
const BASIS = {
  orders: 'orders placed',
  amount: 'orders placed (CNY)',
  tickets: 'service tickets opened',
  repairs: 'repairs done',
} as const;

interface ForecastOptions {
  horizon: number;
  holdout: number;
  seasonality: Seasonality;
}

interface MarketRead {
  now: Date;
  filter: MarketFilter;
  months: string[];
  forecastMonths: string[];
  options: ForecastOptions;
}

/** The history of one key (zeros for months with nothing), its total and its forecast. */
function seriesOf(
  key: string | null,
  months: string[],
  rows: Array<{ month: string; value: number }>,
  options: ForecastOptions,
): MarketSeries {
  const byMonth = new Map(rows.map((row) => [row.month, row.value]));
  const values = months.map((month) => byMonth.get(month) ?? 0);
  return {
    key,
    values,
    total: values.reduce((sum, v) => sum + v, 0),
    forecast: forecastSeries(values, options),
  };
}

const byKey = (rows: MonthValue[]) => {
  const grouped = new Map<string, MonthValue[]>();
  for (const row of rows) grouped.set(row.key, [...(grouped.get(row.key) ?? []), row]);
  return grouped;
};

/** Sales and service volume by region, product or rep per month, with the next quarters forecast. */
@Injectable()
export class MarketService {
  constructor(
    private readonly market: MarketRepository,
    private readonly clock: Clock,
  ) {}

  async report(query: MarketPageQuery): Promise<MarketReport> {
    const read = this.read(query);
    const { filter, months, options } = read;
    const page = { limit: query.limit, offset: query.offset };
    const [{ keys, total }, totals, newest] = await Promise.all([
      this.market.keys(filter, page),
      this.market.totals(filter),
      this.market.newestEventAt(filter.metric),
    ]);
    const monthly = byKey(await this.market.monthly(filter, keys));
    return {
      window: {
        from: filter.fromMonth,
        to: filter.toMonth,
        basis: `${BASIS[filter.metric]} in the months [from, to) of the sales calendar (Asia/Shanghai)`,
      },
      freshness: freshnessView(read.now, newest),
      dimension: filter.dimension,
      metric: filter.metric,
      months,
      forecastMonths: read.forecastMonths,
      totals: seriesOf(null, months, totals, options),
      items: keys.map((key) => seriesOf(key, months, monthly.get(key) ?? [], options)),
      ...page,
      total,
    };
  }

  /** One line per key and month, history then forecast; the query is checked at once, before anything is streamed. */
  rowsCsv(query: MarketExportQuery): AsyncGenerator<string> {
    return this.csvLines(this.read(query));
  }

  private async *csvLines({ filter, months, forecastMonths, options }: MarketRead): AsyncGenerator<string> {
    yield csvLine([filter.dimension, 'month', 'kind', filter.metric, 'method']);
    for (let keys = await this.market.keysAfter(filter, null, CSV_BATCH); keys.length > 0;) {
      const monthly = byKey(await this.market.monthly(filter, keys));
      for (const key of keys) {
        const series = seriesOf(key, months, monthly.get(key) ?? [], options);
        const method = series.forecast.method;
        yield (
          months.map((month, i) => csvLine([key, month, 'actual', series.values[i], method])).join('') +
          forecastMonths
            .map((month, i) => csvLine([key, month, 'forecast', series.forecast.values[i], method]))
            .join('')
        );
      }
      if (keys.length < CSV_BATCH) return;
      keys = await this.market.keysAfter(filter, keys[keys.length - 1], CSV_BATCH);
    }
  }

  private read(query: MarketExportQuery): MarketRead {
    const now = this.clock.now();
    const dimension = query.dimension ?? 'region';
    const metric = query.metric ?? 'orders';
    if (!dimensionAvailable(metric, dimension))
      throw new InvalidInputError([
        { field: 'dimension', message: `${metric} have no ${dimension} dimension` },
      ]);
    const toMonth = query.to ?? salesMonthOf(now);
    const fromMonth = query.from ?? addMonths(toMonth, -DEFAULT_HISTORY_MONTHS);
    const months = monthsBetween(fromMonth, toMonth);
    if (months.length === 0)
      throw new InvalidInputError([{ field: 'from', message: 'from must be before to' }]);
    if (months.length > MAX_HISTORY_MONTHS)
      throw new InvalidInputError([
        { field: 'from', message: `at most ${MAX_HISTORY_MONTHS} months of history` },
      ]);
    const horizon = 3 * (query.quarters ?? 2);
    return {
      now,
      filter: { dimension, metric, fromMonth, toMonth, dealerId: query.dealerId },
      months,
      forecastMonths: monthsBetween(toMonth, addMonths(toMonth, horizon)),
      options: { horizon, holdout: query.holdout ?? horizon, seasonality: query.seasonality ?? 'additive' },
    };
  }
}
