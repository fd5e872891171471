import { Card, Select, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { IndicatorProgress } from '../../../core/progress/progress.schemas';
import { useI18n } from '../../i18n/useI18n';
import type { Lang } from '../../i18n/lang';
import { EChart, type EChartOption } from '../../ui/EChart';
import { QueryError } from '../../ui/QueryError';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { quantity } from './format';
import { useProgressAt } from './progressQueries';
import { STATUSES, STATUS_COLORS, STATUS_LABELS } from './status';

interface TrendChartProps {
  planId: number;
  /** Month ends before the evaluation date, then the date itself. */
  dates: readonly string[];
  items: readonly IndicatorProgress[];
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthLabel(date: string, lang: Lang, narrow: boolean): string {
  const m = Number(date.slice(5, 7));
  if (narrow) return String(m);
  return lang === 'zh' ? `${m}月` : (EN_MONTHS[m - 1] ?? String(m));
}

/** Counted records grow by months: cumulative figure as a line, the month's increase as bars. */
const ADDITIVE = new Set(['count', 'distinct_people', 'sum']);

/**
 * 月度趋势: at each month end, how many indicators had each verdict (stacked bars), or one indicator's
 * cumulative figure against its target. Labels are never skipped (`interval: 0`), so every month shows at 360 px.
 */
export function TrendChart({ planId, dates, items }: TrendChartProps) {
  const { t, lt, lang } = useI18n();
  const narrow = useIsNarrow();
  const [choice, setChoice] = useState<'status' | number>('status');
  const { snapshots, error } = useProgressAt(planId, dates);
  const indicator = typeof choice === 'number' ? items.find((i) => i.indicatorId === choice) : undefined;

  const option = useMemo<EChartOption | null>(() => {
    if (!snapshots) return null;
    const categories = dates.map((d) => monthLabel(d, lang, narrow));
    const xAxis = {
      type: 'category',
      data: categories,
      name: narrow ? (lang === 'zh' ? '月' : 'mo') : undefined,
      axisLabel: { interval: 0, fontSize: narrow ? 10 : 12 },
      axisTick: { alignWithLabel: true },
    };
    const grid = { left: 8, right: narrow ? 24 : 16, top: 40, bottom: 8, containLabel: true };
    const tooltipDate = (i: number) =>
      i === dates.length - 1 ? t('progress.asOfShort', { date: dates[i] ?? '' }) : dates[i];

    if (!indicator) {
      return {
        grid,
        legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: narrow ? 11 : 12 } },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (params: { dataIndex: number; seriesName: string; value: number; marker: string }[]) => {
            const i = params[0]?.dataIndex ?? 0;
            return [tooltipDate(i), ...params.map((p) => `${p.marker}${p.seriesName}：${p.value}`)].join(
              '<br/>',
            );
          },
        },
        xAxis,
        yAxis: { type: 'value', minInterval: 1, name: t('progress.indicatorsUnit') },
        series: STATUSES.map((status) => ({
          name: lt(STATUS_LABELS[status]),
          type: 'bar',
          stack: 'status',
          barMaxWidth: 28,
          itemStyle: { color: STATUS_COLORS[status] },
          data: snapshots.map((s) => s.items.filter((i) => i.status === status).length),
        })),
      };
    }

    const perGroup = indicator.scope !== 'district';
    const points = snapshots.map((s) => s.items.find((i) => i.indicatorId === indicator.indicatorId));
    const values = points.map((p) => (perGroup ? (p?.percent ?? null) : (p?.value ?? null)));
    const unit = perGroup ? '%' : indicator.unit;
    const increments = values.map((v, i) => (v === null ? null : v - (i > 0 ? (values[i - 1] ?? 0) : 0)));
    const showBars = !perGroup && ADDITIVE.has(indicator.measurementKind);
    const targetLines = perGroup
      ? [{ yAxis: 100, name: t('progress.allGroupsDone') }]
      : [
          { yAxis: indicator.target, name: t('progress.targetLine') },
          ...(indicator.targetMax !== null
            ? [{ yAxis: indicator.targetMax, name: t('progress.targetLine') }]
            : []),
        ];
    return {
      grid,
      legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: narrow ? 11 : 12 } },
      tooltip: {
        trigger: 'axis',
        formatter: (
          params: { dataIndex: number; seriesName: string; value: number | null; marker: string }[],
        ) => {
          const i = params[0]?.dataIndex ?? 0;
          return [
            tooltipDate(i),
            ...params.map((p) => `${p.marker}${p.seriesName}：${quantity(p.value, unit, lang)}`),
          ].join('<br/>');
        },
      },
      xAxis,
      yAxis: { type: 'value', name: unit, minInterval: indicator.unit === '%' || perGroup ? undefined : 1 },
      series: [
        ...(showBars
          ? [
              {
                name: t('progress.monthIncrease'),
                type: 'bar',
                barMaxWidth: 22,
                itemStyle: { color: '#91caff' },
                data: increments,
              },
            ]
          : []),
        {
          name: perGroup ? t('progress.groupsDoneShare') : t('progress.cumulative'),
          type: 'line',
          smooth: false,
          symbolSize: 6,
          itemStyle: { color: STATUS_COLORS[indicator.status] },
          data: values,
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#8c8c8c' },
            label: { formatter: '{b}', position: 'insideEndTop', fontSize: 11 },
            data: targetLines,
          },
        },
      ],
    };
  }, [snapshots, indicator, dates, lang, narrow, t, lt]);

  const handleChoice = (value: 'status' | number) => setChoice(value);

  return (
    <Card
      size="small"
      title={t('progress.trendTitle')}
      style={{ height: '100%' }}
      extra={
        <Select<'status' | number>
          value={choice}
          onChange={handleChoice}
          aria-label={t('progress.trendPick')}
          size="small"
          style={{ width: narrow ? 150 : 260 }}
          popupMatchSelectWidth={false}
          options={[
            { value: 'status', label: t('progress.trendStatus') },
            ...items.map((i) => ({ value: i.indicatorId, label: i.name })),
          ]}
        />
      }
    >
      {indicator ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '0 0 4px' }}>
          {indicator.scope === 'district' ? t('progress.trendIndicatorHint') : t('progress.trendGroupHint')}
        </Typography.Paragraph>
      ) : null}
      {error ? <QueryError error={error} /> : null}
      {option ? (
        <EChart option={option} height={narrow ? 240 : 300} ariaLabel={t('progress.trendTitle')} />
      ) : (
        <Skeleton active paragraph={{ rows: 6 }} />
      )}
    </Card>
  );
}
