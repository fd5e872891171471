import { FileSearchOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { PlanSummary } from '../../../core/plan/plan-model.schemas';
import { useI18n } from '../../i18n/useI18n';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { useCurrentUser } from '../auth/useCurrentUser';
import { usePlans } from './planQueries';

/** 年度工作要点: one plan a year; the office reads a new year's plan in from its text. */
export function PlanList() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const plans = usePlans();
  const admin = me.role === 'admin';
  const rows = [...(plans.data ?? [])].sort((a, b) => b.year - a.year || b.id - a.id);

  const columns: ResponsiveColumn<PlanSummary>[] = [
    { key: 'year', title: t('plans.year'), width: 90, render: (p) => p.year },
    {
      key: 'title',
      title: t('plans.title'),
      render: (p) => <Link to={`/plans/${p.id}`}>{p.title}</Link>,
      hideInCard: true,
    },
    { key: 'indicators', title: t('plans.indicatorCount'), width: 110, render: (p) => p.indicatorCount },
    {
      key: 'created',
      title: t('plans.createdAt'),
      width: 170,
      render: (p) => dayjs(p.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'actions',
      title: t('app.actions'),
      width: 180,
      hideInCard: true,
      render: (p) => (
        <>
          <Link to={`/plans/${p.id}`}>{t('plans.open')}</Link>
          <Link to={`/progress?plan=${p.id}`} style={{ marginInlineStart: 12 }}>
            {t('plans.viewProgress')}
          </Link>
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('plans.listTitle')}
        tags={admin ? null : <Tag>{t('app.readOnly')}</Tag>}
        description={t('plans.listHelp')}
        extra={
          admin ? (
            <Link to="/plans/extract">
              <Button type="primary" icon={<FileSearchOutlined />}>
                {t('plans.extract')}
              </Button>
            </Link>
          ) : null
        }
      />
      {plans.error ? <QueryError error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      <ResponsiveTable<PlanSummary>
        ariaLabel={t('plans.listTitle')}
        columns={columns}
        data={rows}
        rowKey={(p) => p.id}
        loading={plans.isPending}
        emptyText={t('plans.empty')}
        cardTitle={(p) => (
          <Link to={`/plans/${p.id}`}>
            <Typography.Text strong style={{ whiteSpace: 'normal' }}>
              {p.title}
            </Typography.Text>
          </Link>
        )}
        cardActions={(p) => (
          <Link to={`/progress?plan=${p.id}`}>
            <Button size="small" type="link">
              {t('plans.viewProgress')}
            </Button>
          </Link>
        )}
      />
    </>
  );
}
