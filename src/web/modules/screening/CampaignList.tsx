import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Progress, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/ApiError';
import { closeCampaign, type Campaign, type CampaignProgress } from '../../api/screening';
import { useI18n } from '../../i18n/useI18n';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { useCurrentUser } from '../auth/useCurrentUser';
import { CampaignCreateModal } from './CampaignCreateModal';
import { useRegionLabel } from './regionNames';
import { canManageCampaigns, percentScreened, sumProgress } from './screeningForm';
import { screeningKey, useCampaigns, useCampaignsProgress } from './screeningQueries';
import { useSt } from './text';

export function CampaignStatusTag({ status }: { status: string }) {
  const st = useSt();
  return status === 'open' ? (
    <Tag color="processing" style={{ marginInlineEnd: 0 }}>
      {st('sc.open')}
    </Tag>
  ) : (
    <Tag style={{ marginInlineEnd: 0 }}>{st('sc.statusClosed')}</Tag>
  );
}

/** Screened of total as a bar, with the count at risk; in the user's scope. */
export function ProgressCell({ progress }: { progress: CampaignProgress | undefined }) {
  const st = useSt();
  if (!progress) return <Typography.Text type="secondary">…</Typography.Text>;
  const total = sumProgress(progress.towns);
  return (
    <div style={{ minWidth: 160 }}>
      <Progress percent={percentScreened(total)} size="small" />
      <Flex gap={8} wrap>
        <Typography.Text type="secondary">
          {st('sc.screenedOfTotal', { screened: total.screened, total: total.households })}
        </Typography.Text>
        {total.atRisk > 0 ? (
          <Typography.Text type="danger">{st('sc.atRiskCount', { n: total.atRisk })}</Typography.Text>
        ) : null}
      </Flex>
    </div>
  );
}

/** 疫情影响排查: the campaigns with their progress; the office opens and closes them. */
export function CampaignList() {
  const me = useCurrentUser();
  const st = useSt();
  const { lang } = useI18n();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const campaigns = useCampaigns();
  const rows = [...(campaigns.data ?? [])].reverse();
  const progress = useCampaignsProgress(rows);
  const progressOf = new Map(rows.map((c, i) => [c.id, progress[i]?.data]));
  const regionLabel = useRegionLabel();
  const manage = canManageCampaigns(me.role);
  const [creating, setCreating] = useState(false);
  const narrow = useIsNarrow();

  const close = useMutation({
    mutationFn: (c: Campaign) => closeCampaign(c.id),
    onSuccess: async () => {
      void message.success(st('sc.closed'));
      await queryClient.invalidateQueries({ queryKey: screeningKey });
    },
    onError: (error) => void message.error(errorMessage(error, lang)),
  });
  const handleClose = (c: Campaign) =>
    modal.confirm({
      title: st('sc.close'),
      content: st('sc.closeConfirm', { name: c.name }),
      okButtonProps: { danger: true },
      onOk: () => close.mutateAsync(c),
    });

  const size = narrow ? 'middle' : 'small';
  const actions = (c: Campaign) => (
    <Flex gap={8} wrap justify={narrow ? 'flex-end' : undefined}>
      <Link to={`/screening/${c.id}`}>
        <Button size={size} type="primary">
          {st('sc.view')}
        </Button>
      </Link>
      {manage && c.status === 'open' ? (
        <Button size={size} danger onClick={() => handleClose(c)}>
          {st('sc.close')}
        </Button>
      ) : null}
    </Flex>
  );

  const columns: ResponsiveColumn<Campaign>[] = [
    {
      key: 'name',
      title: st('sc.name'),
      width: 220,
      hideInCard: true,
      render: (c) => <Link to={`/screening/${c.id}`}>{c.name}</Link>,
    },
    { key: 'year', title: st('sc.year'), width: 80, render: (c) => c.year },
    { key: 'scope', title: st('sc.scope'), width: 150, render: (c) => regionLabel(c.regionCode) },
    { key: 'dates', title: st('sc.dates'), width: 200, render: (c) => `${c.startDate} ~ ${c.endDate}` },
    {
      key: 'status',
      title: st('sc.status'),
      width: 90,
      hideInCard: true,
      render: (c) => <CampaignStatusTag status={c.status} />,
    },
    {
      key: 'progress',
      title: st('sc.progress'),
      width: 240,
      render: (c) => <ProgressCell progress={progressOf.get(c.id)} />,
    },
    { key: 'actions', title: '', width: 150, hideInCard: true, render: actions },
  ];

  return (
    <>
      <PageHeader
        title={st('sc.title')}
        description={st('sc.description')}
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {st('sc.create')}
            </Button>
          ) : null
        }
      />
      {campaigns.error ? (
        <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : null}
      <ResponsiveTable<Campaign>
        ariaLabel={st('sc.title')}
        columns={columns}
        data={rows}
        rowKey={(c) => c.id}
        loading={campaigns.isPending}
        emptyText={st('sc.empty')}
        scrollX={1000}
        cardTitle={(c) => (
          <Flex justify="space-between" align="center" gap={8}>
            <Link to={`/screening/${c.id}`}>{c.name}</Link>
            <CampaignStatusTag status={c.status} />
          </Flex>
        )}
        cardActions={actions}
      />
      {manage ? (
        <CampaignCreateModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            void navigate(`/screening/${c.id}`);
          }}
        />
      ) : null}
    </>
  );
}
