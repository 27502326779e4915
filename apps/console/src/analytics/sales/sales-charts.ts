import type { PipelineStage, SalesRow } from '../analytics-queries';
import type { ChartOption } from '../report/echart';
import { formatCompact } from '../report/format';

/** Won revenue beside quota per row, in the rows' order. */
export function wonAgainstQuotaOption(
  rows: SalesRow[],
  label: (row: SalesRow) => string,
  names: { won: string; quota: string },
): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 80, right: 16, top: 40, bottom: 48 },
    xAxis: {
      type: 'category',
      data: rows.map(label),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', axisLabel: { formatter: formatCompact } },
    series: [
      {
        type: 'bar',
        name: names.won,
        data: rows.map((row) => row.wonRevenue),
        itemStyle: { color: '#1456c8' },
      },
      {
        type: 'bar',
        name: names.quota,
        data: rows.map((row) => row.quotaRevenue),
        itemStyle: { color: '#9db4dc' },
      },
    ],
  };
}

/** The open pipeline by stage, earliest stage on top, amount and probability-weighted amount. */
export function pipelineOption(
  stages: PipelineStage[],
  stageName: (stage: string) => string,
  names: { amount: string; weighted: string },
): ChartOption {
  const ordered = [...stages].reverse();
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 100, right: 24, top: 40, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: formatCompact } },
    yAxis: { type: 'category', data: ordered.map((stage) => stageName(stage.stage)) },
    series: [
      {
        type: 'bar',
        name: names.amount,
        data: ordered.map((stage) => stage.amount),
        itemStyle: { color: '#9db4dc' },
      },
      {
        type: 'bar',
        name: names.weighted,
        data: ordered.map((stage) => stage.weightedAmount),
        itemStyle: { color: '#1456c8' },
      },
    ],
  };
}
