import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { ACTIVITY_TYPE_LABELS, type Activity } from '../../../core/activities/activities.schemas';
import { errorMessage } from '../../api/ApiError';
import { deleteActivity } from '../../api/activities';
import { useI18n } from '../../i18n/useI18n';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ActivityFilters } from './ActivityFilters';
import { ActivityFormDrawer } from './ActivityFormDrawer';
import { ActivityTable } from './ActivityTable';
import { canCreateActivities, canWriteActivity, readsAllActivities } from './activityPermissions';
import { recordDependentKeys, useActivityPages, type ActivityFilter } from './activityQueries';

/** 活动台账: the activity records in the actor's scope; units and towns enter their own, the office any. */
export function ActivityList() {
  const me = useCurrentUser();
  const { t, lt, lang } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<ActivityFilter>({});
  const [drawer, setDrawer] = useState<{ activity: Activity | null } | null>(null);
  const pages = useActivityPages(filter);
  const records = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const creator = canCreateActivities(me);
  const readsAll = readsAllActivities(me);

  const remove = useMutation({
    mutationFn: (a: Activity) => deleteActivity(a.id),
    onSuccess: async () => {
      void message.success(t('activities.deleted'));
      await Promise.all(recordDependentKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });

  const handleCreate = () => setDrawer({ activity: null });
  const handleClose = () => setDrawer(null);
  const handleLoadMore = () => void pages.fetchNextPage();
  const handleDelete = (a: Activity) =>
    modal.confirm({
      title: t('activities.deleteTitle'),
      content: t('activities.deleteConfirm', { type: lt(ACTIVITY_TYPE_LABELS[a.type]), date: a.date }),
      okText: t('activities.delete'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: () => remove.mutateAsync(a),
    });

  const anyWritable = creator && records.some((a) => canWriteActivity(me, a));
  const actions = (a: Activity) =>
    canWriteActivity(me, a) ? (
      <Flex gap={4} wrap={false}>
        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setDrawer({ activity: a })}>
          {t('app.edit')}
        </Button>
        <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => handleDelete(a)}>
          {t('activities.delete')}
        </Button>
      </Flex>
    ) : null;

  const scopeNote =
    me.role === 'unit'
      ? t('activities.scopeUnit', { unit: me.unitName ?? '' })
      : me.role === 'town'
        ? t('activities.scopeTown', { town: me.regionName ?? '' })
        : undefined;

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        tags={creator ? null : <Tag>{t('app.readOnly')}</Tag>}
        description={scopeNote}
        extra={
          creator ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={handleCreate}>
              {t('activities.create')}
            </Button>
          ) : null
        }
      />
      <ActivityFilters value={filter} byUnit={readsAll} onChange={setFilter} />
      {pages.error ? <QueryError error={pages.error} onRetry={() => void pages.refetch()} /> : null}
      <ActivityTable
        ariaLabel={t('activities.title')}
        records={records}
        loading={pages.isPending}
        emptyText={t('activities.empty')}
        hideUnit={!readsAll && me.role !== 'town'}
        actions={anyWritable ? actions : undefined}
      />
      <LoadMore
        loaded={records.length}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onLoadMore={handleLoadMore}
      />
      {creator ? (
        <ActivityFormDrawer
          open={drawer !== null}
          activity={drawer?.activity ?? null}
          defaultDate={dayjs().format('YYYY-MM-DD')}
          onClose={handleClose}
        />
      ) : null}
    </>
  );
}
