import type { SevenPsRow } from '../analytics-queries';
import type { ChartOption } from '../report/echart';

/** One figure of a seven-Ps report per group, as bars. */
export function sevenPsOption(
  rows: SevenPsRow[],
  label: (row: SevenPsRow) => string,
  figure: string,
  figureName: string,
): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 72, right: 16, top: 24, bottom: 56 },
    xAxis: {
      type: 'category',
      data: rows.map(label),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: figureName },
    series: [
      {
        type: 'bar',
        name: figureName,
        data: rows.map((row) => row[figure]),
        itemStyle: { color: '#1456c8' },
      },
    ],
  };
}
