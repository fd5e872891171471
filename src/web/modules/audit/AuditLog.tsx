import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { AuditEntry } from '../../../core/audit/audit.schemas';
import type { AuditFilter } from '../../api/audit';
import { useI18n } from '../../i18n/useI18n';
import { JsonDiff } from '../../ui/JsonDiff';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { AuditFilters } from './AuditFilters';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from './auditLabels';
import { useAuditPages } from './auditQueries';

function formatAt(entry: AuditEntry): string {
  return dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss');
}

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  import: 'purple',
  locked: 'red',
  login_failed: 'orange',
};

/** 操作日志: who changed what and when, newest first, each change expandable to its before/after. */
export function AuditLog() {
  const { t, lt } = useI18n();
  const [filter, setFilter] = useState<AuditFilter>({});
  const pages = useAuditPages(filter);
  const entries = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const handleLoadMore = () => void pages.fetchNextPage();

  const actionLabel = (a: AuditEntry) => {
    const label = AUDIT_ACTION_LABELS[a.action];
    const verb = a.action.split('.').at(-1) ?? '';
    return (
      <Tag color={ACTION_COLORS[verb]} title={a.action}>
        {label ? lt(label) : a.action}
      </Tag>
    );
  };

  const columns: ResponsiveColumn<AuditEntry>[] = [
    { key: 'at', title: t('audit.at'), width: 180, render: formatAt, hideInCard: true },
    {
      key: 'actor',
      title: t('audit.actor'),
      width: 170,
      render: (a) =>
        a.actorUsername ? (
          <span style={{ whiteSpace: 'nowrap' }}>{a.actorUsername}</span>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    { key: 'action', title: t('audit.action'), width: 150, render: actionLabel, hideInCard: true },
    {
      key: 'entity',
      title: t('audit.entity'),
      width: 100,
      render: (a) => (AUDIT_ENTITY_LABELS[a.entity] ? lt(AUDIT_ENTITY_LABELS[a.entity]!) : a.entity),
    },
    { key: 'entityId', title: t('audit.entityId'), width: 140, render: (a) => a.entityId ?? '—' },
    {
      key: 'requestId',
      title: t('audit.requestId'),
      render: (a) =>
        a.requestId ? (
          <Typography.Text type="secondary" copyable={{ text: a.requestId }} style={{ fontSize: 12 }}>
            {a.requestId.slice(0, 8)}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <AuditFilters onApply={setFilter} />
      {pages.error ? <QueryError error={pages.error} onRetry={() => void pages.refetch()} /> : null}
      <ResponsiveTable<AuditEntry>
        ariaLabel={t('audit.title')}
        columns={columns}
        data={entries}
        rowKey={(a) => a.id}
        loading={pages.isPending}
        emptyText={t('audit.empty')}
        scrollX={900}
        cardTitle={(a) => (
          <span>
            {actionLabel(a)} <Typography.Text type="secondary">{formatAt(a)}</Typography.Text>
          </span>
        )}
        canExpand={(a) => a.before != null || a.after != null}
        expandLabel={t('audit.details')}
        expandedRender={(a) => (
          <JsonDiff
            before={a.before}
            after={a.after}
            labels={{
              field: t('audit.field'),
              before: t('audit.before'),
              after: t('audit.after'),
              empty: t('audit.noChanges'),
            }}
          />
        )}
      />
      <LoadMore
        loaded={entries.length}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onLoadMore={handleLoadMore}
      />
    </>
  );
}
