import type { StationScorecard } from '../analytics-queries';
import type { ChartOption } from '../report/echart';

/** Tickets per station (bars) with its mean satisfaction (dots on a 1-5 axis). */
export function scorecardOption(
  stations: StationScorecard[],
  name: (station: StationScorecard) => string,
  names: { tickets: string; satisfaction: string },
): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 56, top: 40, bottom: 56 },
    xAxis: {
      type: 'category',
      data: stations.map(name),
      axisLabel: { interval: 0, rotate: stations.length > 6 ? 30 : 0 },
    },
    yAxis: [
      { type: 'value', name: names.tickets, minInterval: 1 },
      { type: 'value', name: names.satisfaction, min: 0, max: 5 },
    ],
    series: [
      {
        type: 'bar',
        name: names.tickets,
        data: stations.map((station) => station.kpis.tickets),
        itemStyle: { color: '#1456c8' },
      },
      {
        type: 'line',
        name: names.satisfaction,
        yAxisIndex: 1,
        symbolSize: 10,
        lineStyle: { opacity: 0 },
        data: stations.map((station) => station.kpis.satisfaction.average),
        itemStyle: { color: '#d4a017' },
      },
    ],
  };
}
