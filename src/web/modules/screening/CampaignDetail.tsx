import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Progress, Segmented, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState, type ChangeEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { regionPrefix } from '../../../core/accounts/scope';
import type { CampaignHouseholdRow, CampaignHouseholdStatus, CampaignProgress } from '../../api/screening';
import { useI18n } from '../../i18n/useI18n';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useRegions } from '../regions/regionQueries';
import { regionTreeOptions } from '../regions/regionTreeOptions';
import { CampaignStatusTag } from './CampaignList';
import { useRegionLabel } from './regionNames';
import {
  canRecordScreening,
  filterFromParams,
  filterToParams,
  percentScreened,
  STATUSES,
  sumProgress,
  type CampaignHouseholdFilter,
} from './screeningForm';
import { useCampaignHouseholds, useCampaignProgress } from './screeningQueries';
import { useSt } from './text';

/** Progress bars per town or per village (a village cadre sees its village only). */
function ProgressPanel({ progress }: { progress: CampaignProgress }) {
  const st = useSt();
  const narrow = useIsNarrow();
  // Within one town the town's bar is the total: only the villages are worth a bar then.
  const multipleTowns = progress.towns.length > 1;
  const [chosen, setBy] = useState<'town' | 'village'>('town');
  const by = multipleTowns ? chosen : 'village';
  const total = sumProgress(progress.towns);
  const rows =
    by === 'town'
      ? progress.towns.map((t) => ({ code: t.townCode, name: t.townName ?? t.townCode, ...t }))
      : progress.villages.map((v) => ({ code: v.regionCode, name: v.regionName ?? v.regionCode, ...v }));
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong>
          {st('sc.overall')}
          {st('sc.screenedOfTotal', { screened: total.screened, total: total.households })}
          {total.atRisk > 0 ? (
            <Typography.Text type="danger" style={{ marginInlineStart: 8 }}>
              {st('sc.atRiskCount', { n: total.atRisk })}
            </Typography.Text>
          ) : null}
        </Typography.Text>
        {multipleTowns ? (
          <Segmented
            size="small"
            value={by}
            onChange={(v) => setBy(v as 'town' | 'village')}
            options={[
              { value: 'town', label: st('sc.byTown') },
              { value: 'village', label: st('sc.byVillage') },
            ]}
          />
        ) : null}
      </Flex>
      <Progress percent={percentScreened(total)} aria-label={st('sc.progress')} />
      <ul
        aria-label={by === 'town' ? st('sc.byTown') : st('sc.byVillage')}
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          display: 'grid',
          gridTemplateColumns: narrow ? '1fr' : 'repeat(auto-fill, minmax(300px, 1fr))',
          columnGap: 32,
        }}
      >
        {rows.map((r) => (
          <li key={r.code} style={{ padding: '4px 0' }}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text>{r.name}</Typography.Text>
              <Typography.Text type="secondary">
                {r.screened} / {r.households}
                {r.atRisk > 0 ? (
                  <Typography.Text type="danger" style={{ marginInlineStart: 8 }}>
                    {st('sc.atRiskCount', { n: r.atRisk })}
                  </Typography.Text>
                ) : null}
              </Typography.Text>
            </Flex>
            <Progress percent={percentScreened(r)} size="small" showInfo={false} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** A campaign: its progress and its households to screen, screened or at risk. */
export function CampaignDetail({ id }: { id: number }) {
  const me = useCurrentUser();
  const st = useSt();
  const { lt } = useI18n();
  const narrow = useIsNarrow();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const [text, setText] = useState(filter.q);
  const progress = useCampaignProgress(id);
  const campaign = progress.data?.campaign;
  const pages = useCampaignHouseholds(id, filter);
  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const regionLabel = useRegionLabel();
  const regions = useRegions('district');
  const treeData = useMemo(() => {
    const prefix = campaign ? regionPrefix(campaign.regionCode) : '';
    return regionTreeOptions(regions.data ?? [], (r) => r.level !== 'county' && r.code.startsWith(prefix));
  }, [regions.data, campaign]);
  const total = progress.data ? sumProgress(progress.data.towns) : null;
  const writable = canRecordScreening(me.role) && campaign?.status === 'open';

  const set = (patch: Partial<CampaignHouseholdFilter>) =>
    setParams(filterToParams({ ...filter, ...patch }), { replace: true });
  const handleText = (event: ChangeEvent<HTMLInputElement>) => {
    setText(event.target.value);
    if (event.target.value === '' && filter.q !== '') set({ q: '' });
  };
  const formLink = (h: CampaignHouseholdRow) => {
    const qs = filter.regionCode ? `?region=${filter.regionCode}` : '';
    return `/screening/${id}/households/${h.householdId}${qs}`;
  };

  const resultTag = (h: CampaignHouseholdRow) =>
    !h.record ? (
      <Tag style={{ marginInlineEnd: 0 }}>{st('sc.pending')}</Tag>
    ) : h.record.atRisk ? (
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {st('sc.atRisk')}
      </Tag>
    ) : (
      <Tag color="green" style={{ marginInlineEnd: 0 }}>
        {st('sc.noRisk')}
      </Tag>
    );
  const action = (h: CampaignHouseholdRow) => (
    <Link to={formLink(h)}>
      <Button
        size={narrow ? 'middle' : 'small'}
        type={!h.record && writable ? 'primary' : 'default'}
        block={narrow}
      >
        {!h.record ? (writable ? st('sc.screen') : st('sc.show')) : writable ? st('sc.edit') : st('sc.show')}
      </Button>
    </Link>
  );

  const allColumns: ResponsiveColumn<CampaignHouseholdRow>[] = [
    {
      key: 'head',
      title: st('sc.head'),
      width: 110,
      hideInCard: true,
      render: (h) => <Link to={formLink(h)}>{h.headName}</Link>,
    },
    { key: 'no', title: st('sc.householdNo'), width: 140, render: (h) => h.householdNo ?? '—' },
    { key: 'village', title: st('sc.village'), width: 180, render: (h) => regionLabel(h.regionCode) },
    { key: 'result', title: st('sc.result'), width: 100, hideInCard: true, render: resultTag },
    { key: 'screenedOn', title: st('sc.screenedOn'), width: 120, render: (h) => h.record?.screenedOn ?? '—' },
    {
      key: 'reasons',
      title: st('sc.reasons'),
      width: 320,
      render: (h) => (h.record?.reasons.length ? h.record.reasons.map((r) => lt(r)).join('；') : '—'),
    },
    { key: 'actions', title: '', width: 90, hideInCard: true, render: action },
  ];
  // Households still to screen have no date or reasons yet.
  const columns =
    filter.status === 'pending'
      ? allColumns.filter((c) => c.key !== 'screenedOn' && c.key !== 'reasons')
      : allColumns;

  return (
    <>
      <Link to="/screening">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {st('sc.back')}
        </Button>
      </Link>
      <PageHeader
        title={campaign?.name ?? st('sc.title')}
        tags={campaign ? <CampaignStatusTag status={campaign.status} /> : null}
        description={
          campaign
            ? `${regionLabel(campaign.regionCode)} · ${st('sc.yearN', { year: campaign.year })} · ${campaign.startDate} ~ ${campaign.endDate}`
            : undefined
        }
      />
      {progress.error ? <QueryError error={progress.error} onRetry={() => void progress.refetch()} /> : null}
      {progress.data ? <ProgressPanel progress={progress.data} /> : null}

      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {st('sc.households')}
      </Typography.Title>
      <Flex vertical={narrow} gap={8} style={{ marginBottom: 16 }} wrap>
        <Segmented<CampaignHouseholdStatus>
          block={narrow}
          value={filter.status}
          onChange={(status) => set({ status })}
          options={STATUSES.map((s) => ({
            value: s,
            label:
              s === 'pending'
                ? `${st('sc.pendingShort')}${total ? ` ${total.households - total.screened}` : ''}`
                : s === 'screened'
                  ? `${st('sc.screened')}${total ? ` ${total.screened}` : ''}`
                  : `${st('sc.atRisk')}${total ? ` ${total.atRisk}` : ''}`,
          }))}
        />
        <Input.Search
          allowClear
          value={text}
          onChange={handleText}
          onSearch={(q) => set({ q })}
          placeholder={st('sc.search')}
          aria-label={st('sc.search')}
          style={{ width: narrow ? '100%' : 260 }}
        />
        <TreeSelect<string>
          allowClear
          showSearch
          treeNodeFilterProp="title"
          value={filter.regionCode}
          onChange={(regionCode) => set({ regionCode })}
          treeData={treeData}
          placeholder={st('sc.allRegions')}
          aria-label={st('sc.region')}
          loading={regions.isPending}
          style={{ width: narrow ? '100%' : 220 }}
          popupMatchSelectWidth={narrow ? true : 280}
        />
      </Flex>
      {pages.error ? <QueryError error={pages.error} onRetry={() => void pages.refetch()} /> : null}
      <ResponsiveTable<CampaignHouseholdRow>
        ariaLabel={st('sc.households')}
        columns={columns}
        data={rows}
        rowKey={(h) => h.householdId}
        loading={pages.isPending || (pages.isFetching && !pages.isFetchingNextPage)}
        emptyText={
          filter.status === 'pending' && !filter.q && !filter.regionCode
            ? st('sc.allDone')
            : st('sc.noHouseholds')
        }
        scrollX={1000}
        cardTitle={(h) => (
          <Flex justify="space-between" align="center" gap={8}>
            <Link to={formLink(h)} style={{ fontSize: 16 }}>
              {h.headName}
            </Link>
            {resultTag(h)}
          </Flex>
        )}
        cardActions={action}
      />
      <LoadMore
        loaded={rows.length}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onLoadMore={() => void pages.fetchNextPage()}
      />
    </>
  );
}
