import { CalendarOutlined, InfoCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Select, Skeleton, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PlanSummary } from '../../../core/plan/plan-model.schemas';
import type { ProgressStatus } from '../../../core/progress/evaluate';
import { useI18n } from '../../i18n/useI18n';
import { QueryError } from '../../ui/QueryError';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { useCurrentUser } from '../auth/useCurrentUser';
import { usePlans } from '../plans/planQueries';
import { defaultAsOf, quarterEnds, todayInChina, trendDates } from './asOf';
import { IndicatorCard } from './IndicatorCard';
import { useProgress } from './progressQueries';
import { RecordsDrawer, type RecordsSelection } from './RecordsDrawer';
import { StatusSummary } from './StatusSummary';
import { UnitReporting } from './UnitReporting';

// The chart library is the heaviest part of the page: the cards show while it loads.
const TrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));

/** The plan a dashboard opens: the one asked for, else this year's, else the latest past one, else the first. */
export function choosePlan(plans: readonly PlanSummary[], requested: number | null, today: string) {
  const year = Number(today.slice(0, 4));
  const byYear = [...plans].sort((a, b) => b.year - a.year || b.id - a.id);
  return (
    byYear.find((p) => p.id === requested) ??
    byYear.find((p) => p.year === year) ??
    byYear.find((p) => p.year < year) ??
    byYear.at(-1) ??
    null
  );
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 帮扶进度: every indicator of the year's plan at a date — figure, % of target, verdict and why —
 * with the verdict counts, the monthly trend, this month's reporting by unit, and the records behind
 * every figure. The plan and date live in the address (`?plan=&asOf=`), so a view can be shared.
 */
export function ProgressDashboard() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const narrow = useIsNarrow();
  const plans = usePlans();
  const [params, setParams] = useSearchParams();
  const [statusFilter, setStatusFilter] = useState<ProgressStatus | null>(null);
  const [selection, setSelection] = useState<RecordsSelection | null>(null);

  const today = todayInChina();
  const plan = choosePlan(plans.data ?? [], Number(params.get('plan')) || null, today);
  const fallback = plan ? defaultAsOf(plan.year, today) : null;
  const requested = params.get('asOf');
  const custom = !!plan && !!requested && isoDate.test(requested) && requested.startsWith(`${plan.year}-`);
  const asOf = custom ? requested : (fallback?.asOf ?? null);
  const progress = useProgress(plan?.id ?? null, asOf);

  const setView = (next: { plan?: number; asOf?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.plan !== undefined) {
      p.set('plan', String(next.plan));
      p.delete('asOf');
    }
    if (next.asOf !== undefined) {
      if (next.asOf) p.set('asOf', next.asOf);
      else p.delete('asOf');
    }
    setParams(p, { replace: true });
  };
  const handlePlan = (id: number) => setView({ plan: id });
  const handleDate = (value: Dayjs | null) => setView({ asOf: value ? value.format('YYYY-MM-DD') : null });
  const handleResetDate = () => setView({ asOf: null });
  const handleCloseRecords = () => setSelection(null);

  if (plans.error) return <QueryError error={plans.error} onRetry={() => void plans.refetch()} />;
  if (plans.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!plan || !asOf || !fallback) {
    return (
      <Card>
        <Empty description={t('progress.noPlan')}>
          {me.role === 'admin' ? (
            <Link to="/plans/extract">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('plans.extract')}
              </Button>
            </Link>
          ) : null}
        </Empty>
      </Card>
    );
  }

  const data = progress.data;
  const items = (data?.items ?? []).filter((i) => !statusFilter || i.status === statusFilter);
  const dateNote = custom
    ? t('progress.asOfChosen', { date: asOf })
    : fallback.reason === 'yearEnded'
      ? t('progress.asOfYearEnded', { year: plan.year, date: asOf })
      : fallback.reason === 'notStarted'
        ? t('progress.asOfNotStarted', { year: plan.year, date: asOf })
        : t('progress.asOfToday', { date: asOf });
  const presets = [
    ...quarterEnds(plan.year).map((d, i) => ({
      label: t(i === 3 ? 'progress.presetYearEnd' : 'progress.presetQuarter', { n: i + 1 }),
      value: dayjs(d),
    })),
    ...(fallback.reason === 'today' ? [{ label: t('progress.presetToday'), value: dayjs(today) }] : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Card size="small" styles={{ body: { padding: narrow ? 12 : 16 } }}>
        <Flex wrap gap={12} align="center">
          {(plans.data?.length ?? 0) > 1 ? (
            <Select<number>
              value={plan.id}
              onChange={handlePlan}
              aria-label={t('progress.plan')}
              style={{ minWidth: 220, maxWidth: '100%', flex: narrow ? '1 1 100%' : undefined }}
              options={[...(plans.data ?? [])]
                .sort((a, b) => b.year - a.year)
                .map((p) => ({ value: p.id, label: `${p.year} · ${p.title}` }))}
            />
          ) : (
            <Typography.Text strong style={{ flex: narrow ? '1 1 100%' : undefined }}>
              {plan.title}
            </Typography.Text>
          )}
          <Flex align="center" gap={8} wrap>
            <CalendarOutlined aria-hidden />
            <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('progress.asOf')}</Typography.Text>
            <DatePicker
              value={dayjs(asOf)}
              onChange={handleDate}
              allowClear={false}
              presets={presets}
              aria-label={t('progress.asOf')}
              disabledDate={(d) => d.year() !== plan.year}
              defaultPickerValue={dayjs(asOf)}
              style={{ width: 140 }}
            />
            {custom ? (
              <Button type="link" size="small" onClick={handleResetDate}>
                {t('progress.resetDate')}
              </Button>
            ) : null}
            {progress.isFetching ? <Spin size="small" /> : null}
          </Flex>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
          <InfoCircleOutlined style={{ marginInlineEnd: 6 }} />
          {dateNote} {me.role === 'unit' ? t('progress.unitNote') : t('progress.clickNote')}
        </Typography.Paragraph>
      </Card>

      {progress.error ? <QueryError error={progress.error} onRetry={() => void progress.refetch()} /> : null}
      {!data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <StatusSummary summary={data.summary} selected={statusFilter} onSelect={setStatusFilter} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Suspense fallback={<Card size="small" loading style={{ height: 300 }} />}>
                <TrendChart planId={plan.id} dates={trendDates(data.asOf)} items={data.items} />
              </Suspense>
            </Col>
            <Col xs={24} lg={10}>
              <UnitReporting asOf={data.asOf} />
            </Col>
          </Row>
          <Flex align="baseline" justify="space-between" wrap gap={8}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('progress.indicators')}
            </Typography.Title>
            {statusFilter ? (
              <Button size="small" onClick={() => setStatusFilter(null)}>
                {t('progress.showAll')}
              </Button>
            ) : null}
          </Flex>
          <Row gutter={[16, 16]}>
            {items.map((item) => (
              <Col xs={24} md={12} xxl={8} key={item.indicatorId}>
                <IndicatorCard item={item} onOpenRecords={setSelection} />
              </Col>
            ))}
          </Row>
          {items.length === 0 ? <Empty description={t('progress.noIndicators')} /> : null}
        </>
      )}
      <RecordsDrawer selection={selection} asOf={data?.asOf ?? asOf} onClose={handleCloseRecords} />
    </Flex>
  );
}
