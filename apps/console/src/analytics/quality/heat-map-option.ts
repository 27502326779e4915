import type { ComplaintRateCell, QualityType } from '../analytics-queries';
import type { ChartOption } from '../report/echart';

/** The taxonomy's order, every type shown so an empty column reads as "no complaints". */
export const QUALITY_TYPES: QualityType[] = [
  'engine',
  'transmission',
  'brakes',
  'electrical',
  'air_conditioning',
  'body_and_paint',
  'noise_and_vibration',
  'infotainment',
  'other',
];

/** Models down, quality types across, each cell coloured by complaints per 1,000 vehicles; data in `cells` order. */
export function heatMapOption(
  cells: ComplaintRateCell[],
  typeName: (type: string) => string,
  measure: string,
): ChartOption {
  const models = [...new Set(cells.map((cell) => cell.model))].sort();
  const highest = Math.max(1, ...cells.map((cell) => cell.complaintsPer1000));
  return {
    tooltip: {
      formatter: ({ dataIndex }: { dataIndex: number }) => {
        const cell = cells[dataIndex];
        return `${cell.model} · ${typeName(cell.qualityType)}<br/>${measure}: ${cell.complaintsPer1000.toFixed(1)} (${cell.complaints} / ${cell.vehicles})`;
      },
    },
    grid: { left: 120, right: 96, top: 16, bottom: 56 },
    xAxis: {
      type: 'category',
      data: QUALITY_TYPES.map(typeName),
      splitArea: { show: true },
      axisLabel: { interval: 0, width: 84, overflow: 'break' },
    },
    yAxis: { type: 'category', data: models, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: highest,
      calculable: true,
      orient: 'vertical',
      right: 0,
      top: 'middle',
      inRange: { color: ['#fff7e6', '#fa8c16', '#a8071a'] },
    },
    series: [
      {
        type: 'heatmap',
        data: cells.map((cell) => [
          QUALITY_TYPES.indexOf(cell.qualityType as QualityType),
          models.indexOf(cell.model),
          Number(cell.complaintsPer1000.toFixed(1)),
        ]),
        label: { show: true },
        emphasis: { itemStyle: { borderColor: '#1456c8', borderWidth: 2 } },
      },
    ],
  };
}
