import type { SevenPsRow } from '../analytics-queries';
import type { ChartOption } from '../report/echart';

interface ErrorBarApi {
  value(dimension: number): number;
  coord(point: [number, number]): [number, number];
  size(point: [number, number]): [number, number];
  style(): Record<string, unknown>;
}

const percentPoints = (value: string | number | null) => (typeof value === 'number' ? value * 100 : null);

/** Draws one interval: a vertical line from low to high with a cap at each end. */
function errorBar(_params: unknown, api: ErrorBarApi) {
  const low = api.coord([api.value(0), api.value(1)]);
  const high = api.coord([api.value(0), api.value(2)]);
  const cap = api.size([1, 0])[0] * 0.15;
  const style = { stroke: '#1f1f1f', lineWidth: 1.5 };
  const line = (x1: number, y1: number, x2: number, y2: number) => ({
    type: 'line',
    shape: { x1, y1, x2, y2 },
    style,
  });
  return {
    type: 'group',
    children: [
      line(low[0], low[1], high[0], high[1]),
      line(low[0] - cap, low[1], low[0] + cap, low[1]),
      line(high[0] - cap, high[1], high[0] + cap, high[1]),
    ],
  };
}

/**
 * The conversion lift of each group in percentage points as bars, its 95 % interval as an error bar; a group with
 * no interval (no holdout, too few) has its bar alone, a group with no lift neither.
 */
export function liftOption(
  rows: SevenPsRow[],
  label: (row: SevenPsRow) => string,
  names: { lift: string; interval: string },
): ChartOption {
  const intervals = rows.flatMap((row, index) =>
    typeof row.liftLow === 'number' && typeof row.liftHigh === 'number'
      ? [[index, percentPoints(row.liftLow), percentPoints(row.liftHigh)]]
      : [],
  );
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 72, right: 16, top: 32, bottom: 56 },
    xAxis: {
      type: 'category',
      data: rows.map(label),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: 'pp' },
    series: [
      {
        type: 'bar',
        name: names.lift,
        data: rows.map((row) => percentPoints(row.lift)),
        itemStyle: { color: '#1456c8' },
      },
      {
        type: 'custom',
        name: names.interval,
        renderItem: errorBar,
        encode: { x: 0, y: [1, 2] },
        data: intervals,
        z: 10,
      },
    ],
  };
}
