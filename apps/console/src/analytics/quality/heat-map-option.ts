import type { ComplaintRateCell } from '../analytics-queries';
import type { ChartOption } from '../report/echart';

/** Models down, quality types across, each cell coloured by complaints per 1,000 vehicles; data in `cells` order. */
export function heatMapOption(
  cells: ComplaintRateCell[],
  typeName: (type: string) => string,
  measure: string,
): ChartOption {
  const models = [...new Set(cells.map((cell) => cell.model))].sort();
  const types = [...new Set(cells.map((cell) => cell.qualityType))].sort();
  const highest = Math.max(1, ...cells.map((cell) => cell.complaintsPer1000));
  return {
    tooltip: {
      formatter: ({ dataIndex }: { dataIndex: number }) => {
        const cell = cells[dataIndex];
        return `${cell.model} · ${typeName(cell.qualityType)}<br/>${measure}: ${cell.complaintsPer1000.toFixed(1)} (${cell.complaints} / ${cell.vehicles})`;
      },
    },
    grid: { left: 120, right: 24, top: 16, bottom: 72 },
    xAxis: { type: 'category', data: types.map(typeName), splitArea: { show: true } },
    yAxis: { type: 'category', data: models, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: highest,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#fff7e6', '#fa8c16', '#a8071a'] },
    },
    series: [
      {
        type: 'heatmap',
        data: cells.map((cell) => [
          types.indexOf(cell.qualityType),
          models.indexOf(cell.model),
          Number(cell.complaintsPer1000.toFixed(1)),
        ]),
        label: { show: true },
        emphasis: { itemStyle: { borderColor: '#1456c8', borderWidth: 2 } },
      },
    ],
  };
}
