import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboards draw (line and bar charts): all of ECharts is ~700 KB gzip (FIELD-NOTES).
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type EChartOption = echarts.EChartsCoreOption;

interface EChartProps {
  option: EChartOption;
  /** CSS height; the width follows the container. */
  height: number;
  /** Accessible name: a canvas says nothing to a screen reader (and end-to-end tests find the chart by it). */
  ariaLabel: string;
  /** Called with the data index of a clicked bar or point. */
  onClick?: (dataIndex: number, seriesIndex: number) => void;
}

/**
 * A chart from `echarts/core` with only the charts registered above; it follows its container's width
 * (cards stack on a phone, the side menu folds) through a ResizeObserver.
 */
export function EChart({ option, height, ariaLabel, onClick }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickHandler = useRef(onClick);

  useEffect(() => {
    clickHandler.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as { dataIndex?: number; seriesIndex?: number };
      if (typeof p.dataIndex === 'number') clickHandler.current?.(p.dataIndex, p.seriesIndex ?? 0);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a series that disappears (another indicator picked) must not linger.
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
