import type { MarketSeries } from '../analytics-queries';
import type { ChartOption } from '../report/echart';

/**
 * One series over its history and the forecast months: the history (solid), the forecast (dashed), and the
 * backtest, the held-out last months as forecast from the months before them (dotted).
 */
export function forecastOption(
  series: MarketSeries,
  months: string[],
  forecastMonths: string[],
  names: { history: string; forecast: string; backtest: string },
): ChartOption {
  const gap = (count: number) => Array<null>(count).fill(null);
  const backtest = series.forecast.backtest;
  const lastValue = series.values.at(-1) ?? null;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 64, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: [...months, ...forecastMonths] },
    yAxis: { type: 'value', min: 0 },
    series: [
      { type: 'line', name: names.history, data: series.values, itemStyle: { color: '#1456c8' } },
      {
        type: 'line',
        name: names.forecast,
        // Starts at the last month of the history so the two lines join.
        data: [...gap(months.length - 1), lastValue, ...series.forecast.values],
        lineStyle: { type: 'dashed' },
        itemStyle: { color: '#c41d1d' },
      },
      ...(backtest && backtest.forecast.length > 0
        ? [
            {
              type: 'line',
              name: names.backtest,
              data: [...gap(months.length - backtest.forecast.length), ...backtest.forecast],
              lineStyle: { type: 'dotted' },
              itemStyle: { color: '#d4a017' },
            },
          ]
        : []),
    ],
  };
}
