import { Alert, Drawer, Flex, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { IndicatorProgress } from '../../../core/progress/progress.schemas';
import { useI18n } from '../../i18n/useI18n';
import { LoadMore } from '../../ui/LoadMore';
import { QueryError } from '../../ui/QueryError';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { ActivityTable } from '../activities/ActivityTable';
import { useCurrentUser } from '../auth/useCurrentUser';
import { quantity } from './format';
import { useRecordPages, type RecordsTarget } from './progressQueries';
import { STATUS_LABELS, STATUS_TAG } from './status';

export interface RecordsSelection extends RecordsTarget {
  indicator: IndicatorProgress;
  /** The unit or town the figure is for, when it is one group's figure. */
  groupName?: string;
  /** The figure that was clicked. */
  value: number | null;
}

interface RecordsDrawerProps {
  selection: RecordsSelection | null;
  asOf: string;
  onClose: () => void;
}

/** The records behind a figure (keyset "load more"), or a manual figure's entries with their evidence. */
export function RecordsDrawer({ selection, asOf, onClose }: RecordsDrawerProps) {
  const me = useCurrentUser();
  const { t, lt, lang } = useI18n();
  const narrow = useIsNarrow();
  const target = selection
    ? { indicatorId: selection.indicatorId, unitId: selection.unitId, townCode: selection.townCode }
    : null;
  const pages = useRecordPages(target, asOf);
  const records = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const manual = pages.data?.pages[0]?.measurementKind === 'manual';
  const manualValues = pages.data?.pages[0]?.manualValues ?? [];
  const indicator = selection?.indicator;
  const handleLoadMore = () => void pages.fetchNextPage();

  return (
    <Drawer
      open={selection !== null}
      onClose={onClose}
      size={narrow ? '100%' : 980}
      destroyOnHidden
      title={
        indicator ? (
          <span style={{ whiteSpace: 'normal' }}>
            {t('progress.recordsTitle', { name: indicator.name })}
            {selection?.groupName ? ` · ${selection.groupName}` : ''}
          </span>
        ) : null
      }
    >
      {indicator ? (
        <Flex vertical gap={12}>
          <Flex gap={8} wrap align="center">
            <Typography.Text>
              {t('progress.figureAt', { date: asOf })}
              <Typography.Text strong style={{ marginInlineStart: 6 }}>
                {quantity(selection?.value ?? null, indicator.unit, lang)}
              </Typography.Text>
            </Typography.Text>
            {selection?.groupName ? null : (
              <Tag color={STATUS_TAG[indicator.status]}>{lt(STATUS_LABELS[indicator.status])}</Tag>
            )}
          </Flex>
          {indicator.measurementKind === 'distinct_people' ? (
            <Typography.Text type="secondary">{t('progress.distinctHint')}</Typography.Text>
          ) : null}
          {me.role === 'unit' && !manual ? (
            <Alert type="info" showIcon title={t('progress.recordsOwnOnly', { unit: me.unitName ?? '' })} />
          ) : null}
          {pages.error ? <QueryError error={pages.error} onRetry={() => void pages.refetch()} /> : null}
          {manual ? (
            <>
              <Typography.Text type="secondary">{t('progress.manualExplain')}</Typography.Text>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={manualValues}
                aria-label={t('progress.manualValues')}
                scroll={narrow ? { x: 480 } : undefined}
                columns={[
                  { key: 'asOf', title: t('plans.asOf'), dataIndex: 'asOf', width: 110 },
                  {
                    key: 'value',
                    title: t('plans.manualValue'),
                    width: 110,
                    render: (_v, row) => quantity(row.value, indicator.unit, lang),
                  },
                  { key: 'evidence', title: t('plans.evidence'), dataIndex: 'evidence' },
                ]}
              />
            </>
          ) : (
            <>
              <ActivityTable
                ariaLabel={t('progress.records')}
                records={records}
                loading={pages.isPending}
                emptyText={t('progress.noRecords')}
                hideUnit={me.role === 'unit'}
              />
              <LoadMore
                loaded={records.length}
                hasMore={pages.hasNextPage}
                loading={pages.isFetchingNextPage}
                onLoadMore={handleLoadMore}
              />
            </>
          )}
        </Flex>
      ) : null}
    </Drawer>
  );
}
