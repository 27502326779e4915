import type { AnalyticsApi } from '@crm/api-client/generated';
import type { CustomerValue } from '../analytics-queries';
import type { ChartOption } from '../report/echart';
import { formatCompact } from '../report/format';

type TierCount = AnalyticsApi.components['schemas']['TierCount'];
const TIER_COLORS = ['#5b5b9a', '#d4a017', '#7a8691', '#a0522d'];
const SCORES = [1, 2, 3, 4, 5];

/**
 * The value tiers as a pyramid, platinum at the top: the layers' widths show the ranking (the shape of the
 * pyramid), their labels the customers in each, so an empty tier keeps its place.
 */
export function pyramidOption(tiers: TierCount[], tierName: (tier: string) => string): ChartOption {
  const label = ({ dataIndex }: { dataIndex: number }) =>
    `${tierName(tiers[dataIndex].tier)}: ${tiers[dataIndex].customers}`;
  return {
    tooltip: { trigger: 'item', formatter: label },
    series: [
      {
        type: 'funnel',
        sort: 'ascending',
        minSize: '25%',
        left: '10%',
        width: '80%',
        gap: 2,
        label: { position: 'inside', color: '#fff', fontSize: 14, formatter: label },
        data: tiers.map((tier, index) => ({
          name: tierName(tier.tier),
          value: index + 1,
          itemStyle: { color: TIER_COLORS[index % TIER_COLORS.length] },
        })),
      },
    ],
  };
}

/** Pareto: each of the top customers' value (bars) and the running share of all customers' value (line). */
export function paretoOption(
  customers: CustomerValue[],
  totalValue: number,
  names: { value: string; cumulative: string },
): ChartOption {
  let running = 0;
  const cumulative = customers.map((customer) => {
    running += customer.value;
    return totalValue > 0 ? Number(((running / totalValue) * 100).toFixed(1)) : 0;
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 72, right: 56, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: customers.map((_, index) => index + 1) },
    yAxis: [
      { type: 'value', name: names.value, axisLabel: { formatter: formatCompact } },
      { type: 'value', name: '%', min: 0, max: 100 },
    ],
    series: [
      {
        type: 'bar',
        name: names.value,
        data: customers.map((customer) => customer.value),
        itemStyle: { color: '#1456c8' },
      },
      {
        type: 'line',
        name: names.cumulative,
        yAxisIndex: 1,
        data: cumulative,
        itemStyle: { color: '#c41d1d' },
        markLine: {
          symbol: 'none',
          data: [{ yAxis: 80 }],
          label: { show: false },
          lineStyle: { type: 'dashed' },
        },
      },
    ],
  };
}

/** The RFM grid: recency score across, frequency score down, each cell the customers with both scores. */
export function rfmGridOption(
  customers: CustomerValue[],
  axes: { recency: string; frequency: string },
): ChartOption {
  const counts = new Map<string, number>();
  for (const customer of customers) {
    const key = `${customer.recencyScore}/${customer.frequencyScore}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const cells = SCORES.flatMap((recency) =>
    SCORES.map((frequency) => [recency - 1, frequency - 1, counts.get(`${recency}/${frequency}`) ?? 0]),
  );
  return {
    tooltip: {},
    grid: { left: 64, right: 24, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: SCORES, name: axes.recency, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'category', data: SCORES, name: axes.frequency, nameLocation: 'middle', nameGap: 36 },
    visualMap: {
      show: false,
      min: 0,
      max: Math.max(1, ...cells.map((cell) => cell[2])),
      inRange: { color: ['#f0f5ff', '#1456c8'] },
    },
    series: [{ type: 'heatmap', data: cells, label: { show: true } }],
  };
}
