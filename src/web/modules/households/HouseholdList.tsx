import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { HouseholdSummary } from '../../../core/households/households.schemas';
import { flagRuleText } from '../../../core/monitoring/rules';
import { useI18n } from '../../i18n/useI18n';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { RegistryToolbar } from '../registry/RegistryToolbar';
import { HouseholdFilters } from './HouseholdFilters';
import { filterFromParams, paramsFromFilter } from './listParams';
import { useConfiguredYears, useHouseholdPages, type HouseholdFilter } from './householdQueries';
import {
  ATTRIBUTE_TEXT,
  DEEP_GROUP_TEXT,
  MONITORING_TYPE_TEXT,
  STATUS_COLOR,
  STATUS_TEXT,
  formatYuan,
  label,
} from './labels';
import { useHt } from './text';
import { YearPicker } from './YearPicker';

/** Status tag, with the monitoring type when monitored. */
export function StatusTag({ status, type }: { status: string; type: string | null }) {
  const { lt } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {label(STATUS_TEXT, status, lt)}
      {status === 'monitored' && type ? ` · ${label(MONITORING_TYPE_TEXT, type, lt)}` : ''}
    </Tag>
  );
}

/** The bare `criterionNotMet` says less than the `criterionNotMet:<criterion>` entries beside it. */
function visibleRules(rules: readonly string[]): string[] {
  const specific = rules.some((r) => r.startsWith('criterionNotMet:'));
  return rules.filter((r) => !(specific && r === 'criterionNotMet'));
}

/** 困难群众: the households in scope with the region tree, filters, search and keyset "load more". */
export function HouseholdList() {
  const { lt } = useI18n();
  const ht = useHt();
  // Filters and the year live in the address: links (e.g. from the monitoring page) open the list
  // filtered, and reload or back keeps what the clerk chose.
  const [params, setParams] = useSearchParams();
  const { filter, year: pickedYear } = useMemo(() => filterFromParams(params), [params]);
  const setFilter = (f: HouseholdFilter) => setParams(paramsFromFilter(f, pickedYear), { replace: true });
  const setPickedYear = (y: number | null) => setParams(paramsFromFilter(filter, y), { replace: true });
  const yearQuery = useConfiguredYears();
  const years = (yearQuery.data ?? []).map((c) => c.year);
  // Flags and incomes are per year: the list opens on the latest year with thresholds.
  const year = yearQuery.isPending ? undefined : (pickedYear ?? years[0] ?? null);
  const pages = useHouseholdPages(filter, year);
  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const handleLoadMore = () => void pages.fetchNextPage();

  const open = (h: HouseholdSummary) => (
    <Link to={`/households/${h.id}`}>
      <Button size="small">{ht('hh.open')}</Button>
    </Link>
  );
  const flags = (h: HouseholdSummary) =>
    h.flagRules.length ? (
      <Flex gap={4} wrap>
        {visibleRules(h.flagRules).map((r) => (
          <Tag key={r} color="red" style={{ marginInlineEnd: 0 }}>
            {lt(flagRuleText(r))}
          </Tag>
        ))}
      </Flex>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );

  const columns: ResponsiveColumn<HouseholdSummary>[] = [
    {
      key: 'head',
      title: ht('hh.head'),
      width: 110,
      fixed: 'left',
      hideInCard: true,
      render: (h) => (
        <Link to={`/households/${h.id}`} style={{ whiteSpace: 'nowrap' }}>
          {h.headName}
        </Link>
      ),
    },
    {
      key: 'village',
      title: ht('hh.village'),
      width: 170,
      render: (h) => [h.townName, h.regionName].filter(Boolean).join(' '),
    },
    { key: 'no', title: ht('hh.householdNo'), width: 120, render: (h) => h.householdNo ?? '—' },
    {
      key: 'attribute',
      title: ht('hh.attribute'),
      width: 110,
      render: (h) => label(ATTRIBUTE_TEXT, h.attribute, lt),
    },
    {
      key: 'status',
      title: ht('hh.status'),
      width: 170,
      hideInCard: true,
      render: (h) => (
        <Flex gap={4} wrap>
          <StatusTag status={h.monitoringStatus} type={h.monitoringType} />
          {!h.active ? <Tag>{ht('hh.inactive')}</Tag> : null}
        </Flex>
      ),
    },
    { key: 'size', title: ht('hh.size'), width: 60, render: (h) => h.size },
    {
      key: 'income',
      title: year ? `${ht('hh.income')}（${year}）` : ht('hh.income'),
      width: 130,
      render: (h) => formatYuan(h.perCapitaNetIncome),
    },
    { key: 'flags', title: ht('hh.flags'), width: 230, render: flags },
    {
      key: 'deep',
      title: ht('hh.deepGroup'),
      width: 130,
      render: (h) =>
        h.deepGroups.length ? (
          <Flex gap={4} wrap>
            {h.deepGroups.map((g) => (
              <Tooltip key={g} title={ht('hh.deepGroup')}>
                <Tag color="purple" style={{ marginInlineEnd: 0 }}>
                  {label(DEEP_GROUP_TEXT, g, lt)}
                </Tag>
              </Tooltip>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
    { key: 'actions', title: '', width: 80, fixed: 'right', hideInCard: true, render: open },
  ];

  return (
    <>
      <PageHeader
        title={ht('hh.title')}
        description={ht('hh.description')}
        extra={
          <>
            <YearPicker
              value={year ?? null}
              onChange={setPickedYear}
              years={years}
              loading={yearQuery.isPending}
            />
            <RegistryToolbar filter={filter} year={year} />
          </>
        }
      />
      <HouseholdFilters value={filter} onChange={setFilter} hasYear={!!year} />
      {yearQuery.error ? (
        <QueryError error={yearQuery.error} onRetry={() => void yearQuery.refetch()} />
      ) : null}
      {pages.error ? <QueryError error={pages.error} onRetry={() => void pages.refetch()} /> : null}
      <ResponsiveTable<HouseholdSummary>
        ariaLabel={ht('hh.title')}
        columns={columns}
        data={rows}
        rowKey={(h) => h.id}
        loading={pages.isPending || (pages.isFetching && !pages.isFetchingNextPage)}
        emptyText={ht('hh.empty')}
        scrollX={1280}
        cardTitle={(h) => (
          <Flex justify="space-between" align="center" gap={8}>
            <Link to={`/households/${h.id}`}>{h.headName}</Link>
            <StatusTag status={h.monitoringStatus} type={h.monitoringType} />
          </Flex>
        )}
        cardActions={open}
      />
      <LoadMore
        loaded={rows.length}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onLoadMore={handleLoadMore}
      />
    </>
  );
}
