import { EffectScatterChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardTicket, MapStation } from './service-manager-queries';

echarts.use([
  ScatterChart,
  EffectScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  CanvasRenderer,
]);

const ON_TIME = '#1456c8';
const BREACHED = '#c41d1d';
const STATION = '#2f7d32';

/** A station's dot grows with its load (slots taken over capacity); a full one is four times a free one. */
const stationSize = (station: MapStation) => 8 + 24 * Math.min(station.load ?? 0, 1);

/** Longitude and latitude as a plain grid: no map tiles or shape files to fetch, so it works offline. */
export function StationMapChart({ stations, tickets }: { stations: MapStation[]; tickets: BoardTicket[] }) {
  const { t } = useTranslation('serviceManager');
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const container = element.current as HTMLDivElement;
    const instance = echarts.init(container, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(container);
    // A canvas keeps the glyphs it drew with; once a web font (Chinese) arrives, draw again with it.
    const redraw = () => instance.resize();
    document.fonts.addEventListener('loadingdone', redraw);
    return () => {
      resize.disconnect();
      document.fonts.removeEventListener('loadingdone', redraw);
      instance.dispose();
    };
  }, []);

  useEffect(() => {
    const located = (breached: boolean) =>
      tickets
        .filter((ticket) => ticket.location && ticket.sla.resolution.breached === breached)
        .map((ticket) => ({
          name: ticket.ticketNumber,
          value: [ticket.location?.lon, ticket.location?.lat],
        }));
    chart.current?.setOption(
      {
        animation: false,
        // The canvas does not inherit CSS: give it the page's fonts, or Chinese labels may lack glyphs.
        textStyle: { fontFamily: element.current ? getComputedStyle(element.current).fontFamily : undefined },
        grid: { left: 56, right: 24, top: 48, bottom: 48 },
        tooltip: {
          trigger: 'item',
          formatter: (item: { seriesName: string; name: string }) => `${item.seriesName}<br/>${item.name}`,
        },
        legend: { top: 8 },
        xAxis: { type: 'value', name: t('map.longitude'), scale: true, nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'value', name: t('map.latitude'), scale: true },
        series: [
          {
            name: t('map.stations'),
            type: 'scatter',
            itemStyle: { color: STATION, opacity: 0.7 },
            data: stations.map((station) => ({
              name: `${station.name} · ${station.slotsTaken}/${station.capacity}`,
              value: [station.location.lon, station.location.lat],
              symbolSize: stationSize(station),
            })),
          },
          {
            name: t('map.onTime'),
            type: 'scatter',
            symbolSize: 7,
            itemStyle: { color: ON_TIME },
            data: located(false),
          },
          {
            name: t('map.breachedTickets'),
            type: 'effectScatter',
            symbolSize: 9,
            itemStyle: { color: BREACHED },
            data: located(true),
          },
        ],
      },
      true,
    );
  }, [stations, tickets, t]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={t('map.chart')}
      data-testid="station-map-chart"
      style={{ width: '100%', height: 480 }}
    />
  );
}
