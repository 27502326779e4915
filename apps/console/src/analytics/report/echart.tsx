import { BarChart, CustomChart, FunnelChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboards draw, so the chunk stays small.
echarts.use([
  BarChart,
  CustomChart,
  FunnelChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;
/** What a click on a bar, a cell or a funnel layer carries: its data item and where it sits. */
export interface ChartClick {
  dataIndex: number;
  seriesIndex?: number;
  data: unknown;
  name: string;
}

interface EChartProps {
  option: ChartOption;
  /** Says what the chart shows, for screen readers (the canvas itself says nothing). */
  description: string;
  height?: number;
  onClick?: (item: ChartClick) => void;
  testId?: string;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** One ECharts canvas: sized to its box, in the page's font, redrawn when the option or a web font changes. */
export function EChart({ option, description, height = 320, onClick, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clicked = useRef(onClick);
  clicked.current = onClick;

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (item) => clicked.current?.(item as unknown as ChartClick));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current!;
    const draw = () =>
      instance.setOption(
        {
          animation: !reducedMotion(),
          // A canvas does not inherit CSS: the page's font, so Chinese labels render with the rest of the text.
          textStyle: { fontFamily: getComputedStyle(box.current!).fontFamily },
          ...option,
        },
        { notMerge: true },
      );
    draw();
    document.fonts.addEventListener('loadingdone', draw);
    return () => document.fonts.removeEventListener('loadingdone', draw);
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={description}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
