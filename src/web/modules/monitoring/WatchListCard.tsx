import { Card, Flex, Tag, Tooltip, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { WatchListTown } from '../../api/monitoring';
import { useI18n } from '../../i18n/useI18n';
import { EChart, type EChartOption } from '../../ui/EChart';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { useWatchList } from './monitoringQueries';
import { useMt } from './text';
import { WATCH_RULES, criterionBreakdown, householdsLink, ruleShortText, ruleText } from './thresholds';

interface WatchListCardProps {
  year: number;
  configured: boolean;
  /** Whether counts link to the household list (roles that may open it). */
  linkable: boolean;
  /** The region the links narrow to instead of the town (a village cadre's village). */
  ownRegion: string | null;
  /** Villages only: the server counts their village under its town. */
  village: boolean;
  /** The name of the row when it is the user's own village (not the town the server groups it under). */
  ownName: string | null;
}

/** 监测预警清单: each town's flagged households of the year, per rule, linking to the filtered list. */
export function WatchListCard({
  year,
  configured,
  linkable,
  ownRegion,
  village,
  ownName,
}: WatchListCardProps) {
  const { lt } = useI18n();
  const mt = useMt();
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const query = useWatchList(year);
  const towns = useMemo(() => query.data?.towns ?? [], [query.data]);

  const region = (row: WatchListTown) => ownRegion ?? row.townCode;
  const townName = (row: WatchListTown) => ownName ?? row.townName ?? row.townCode;
  const count = (row: WatchListTown, n: number, flagRule?: string, aria?: string): ReactNode => {
    if (!linkable || (n === 0 && !aria)) return n;
    return (
      <Link to={householdsLink({ year, flagged: true, regionCode: region(row), flagRule })} aria-label={aria}>
        {n}
      </Link>
    );
  };

  const columns: ResponsiveColumn<WatchListTown>[] = [
    { key: 'town', title: mt('mon.town'), render: townName, hideInCard: true, width: 110, fixed: 'left' },
    { key: 'households', title: mt('mon.households'), render: (r) => r.households },
    { key: 'evaluated', title: mt('mon.evaluatedCol'), render: (r) => r.evaluated },
    {
      key: 'flagged',
      title: mt('mon.flagged'),
      render: (r) => (
        <Typography.Text strong>
          {count(r, r.flagged, undefined, mt('mon.flaggedAria', { town: townName(r), n: r.flagged }))}
        </Typography.Text>
      ),
    },
    { key: 'monitored', title: mt('mon.monitored'), render: (r) => r.monitored },
    {
      key: 'flaggedNotMonitored',
      title: mt('mon.flaggedNotMonitored'),
      render: (r) => r.flaggedNotMonitored,
    },
    ...WATCH_RULES.map((rule): ResponsiveColumn<WatchListTown> => ({
      key: rule,
      title: (
        <Tooltip title={lt(ruleText(rule))}>
          <span>{lt(ruleShortText(rule))}</span>
        </Tooltip>
      ),
      render: (r) => count(r, r.byRule[rule] ?? 0, rule),
    })),
  ];

  const expanded = (row: WatchListTown) => (
    <Flex gap={8} wrap>
      {criterionBreakdown(row.byRule).map(({ rule, count: n }) => (
        <Tag key={rule} style={{ marginInlineEnd: 0 }}>
          {lt(ruleText(rule))}：{count(row, n, rule)}
        </Tag>
      ))}
    </Flex>
  );

  const option = useMemo<EChartOption | null>(() => {
    if (towns.length < 2) return null;
    const names = towns.map((r) => r.townName ?? r.townCode);
    return {
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: narrow ? 45 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: mt('mon.flagged'),
          type: 'bar',
          data: towns.map((r) => r.flagged),
          itemStyle: { color: '#cf1322' },
        },
        {
          name: mt('mon.flaggedNotMonitored'),
          type: 'bar',
          data: towns.map((r) => r.flaggedNotMonitored),
          itemStyle: { color: '#fa8c16' },
        },
      ],
    };
  }, [towns, narrow, mt]);
  const handleChartClick = (index: number) => {
    const row = towns[index];
    if (row && linkable) void navigate(householdsLink({ year, flagged: true, regionCode: region(row) }));
  };

  const total = towns.reduce((sum, r) => sum + r.flagged, 0);
  return (
    <Card
      title={`${mt('mon.watch')} · ${mt('mon.yearN', { year })}`}
      extra={towns.length > 1 ? mt('mon.totalFlagged', { n: total }) : null}
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">
        {configured
          ? mt(village ? 'mon.watchVillage' : 'mon.watchDescription', { year })
          : mt('mon.watchNoYear', { year })}
      </Typography.Paragraph>
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {option ? (
        <EChart
          option={option}
          height={narrow ? 220 : 260}
          ariaLabel={mt('mon.chart')}
          onClick={handleChartClick}
        />
      ) : null}
      <ResponsiveTable<WatchListTown>
        ariaLabel={mt('mon.watch')}
        columns={columns}
        data={towns}
        rowKey={(r) => r.townCode}
        loading={query.isPending}
        emptyText={mt('mon.emptyTowns')}
        cardTitle={townName}
        expandedRender={expanded}
        canExpand={(r) => criterionBreakdown(r.byRule).length > 0}
        expandLabel={mt('mon.byCriterion')}
        scrollX={960}
      />
    </Card>
  );
}
