import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { User } from '../../../core/accounts/accounts.schemas';
import { ROLES, ROLE_LABELS } from '../../../core/accounts/roles';
import { useI18n } from '../../i18n/useI18n';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { canCreateUsers, canManageUser } from '../auth/permissions';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFilters } from './UserFilters';
import { UserFormDrawer } from './UserFormDrawer';
import { UserRowActions } from './UserRowActions';
import { useUserPages, type UserFilter } from './userQueries';

function formatTime(iso: string | null): string | null {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : null;
}

/** 用户管理: the users in the actor's scope; admin manages all, a town its village cadres, leaders read. */
export function UserDirectory() {
  const me = useCurrentUser();
  const { t, lt } = useI18n();
  const [filter, setFilter] = useState<UserFilter>({ q: '', role: undefined });
  const [drawer, setDrawer] = useState<{ user: User | null } | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const pages = useUserPages(filter);
  const users = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const creator = canCreateUsers(me);
  const readOnly = !creator;
  const anyManageable = users.some((u) => canManageUser(me, u));

  const handleCreate = () => setDrawer({ user: null });
  const handleEdit = (user: User) => setDrawer({ user });
  const handleDrawerClose = () => setDrawer(null);
  const handleReset = (user: User) => setResetting(user);
  const handleResetClose = () => setResetting(null);
  const handleLoadMore = () => void pages.fetchNextPage();

  const status = (u: User) => (
    <Flex gap={4} wrap>
      {u.disabled ? <Tag color="default">{t('users.disabled')}</Tag> : null}
      {u.locked ? <Tag color="orange">{t('users.locked')}</Tag> : null}
      {!u.disabled && !u.locked ? <Tag color="green">{t('users.active')}</Tag> : null}
    </Flex>
  );
  const actions = (u: User) =>
    canManageUser(me, u) ? (
      <UserRowActions user={u} onEdit={handleEdit} onResetPassword={handleReset} />
    ) : null;

  const columns: ResponsiveColumn<User>[] = [
    {
      key: 'username',
      title: t('users.username'),
      width: 160,
      render: (u) => <span style={{ whiteSpace: 'nowrap' }}>{u.username}</span>,
      fixed: 'left',
      hideInCard: true,
    },
    {
      key: 'displayName',
      title: t('users.displayName'),
      width: 120,
      render: (u) => u.displayName,
      hideInCard: true,
    },
    { key: 'role', title: t('users.role'), width: 130, render: (u) => lt(ROLE_LABELS[u.role]) },
    { key: 'region', title: t('users.region'), width: 120, render: (u) => u.regionName ?? '—' },
    { key: 'unit', title: t('users.unit'), render: (u) => u.unitName ?? '—' },
    { key: 'status', title: t('users.status'), width: 90, render: status },
    {
      key: 'lastLogin',
      title: t('users.lastLogin'),
      width: 150,
      render: (u) =>
        formatTime(u.lastLoginAt) ?? <Typography.Text type="secondary">{t('users.never')}</Typography.Text>,
    },
  ];
  if (anyManageable) {
    columns.push({
      key: 'actions',
      title: t('app.actions'),
      width: 150,
      hideInCard: true,
      render: actions,
      fixed: 'right',
    });
  }

  return (
    <>
      <PageHeader
        title={me.role === 'admin' ? t('users.titleManage') : t('users.title')}
        tags={readOnly ? <Tag>{t('app.readOnly')}</Tag> : null}
        description={me.role === 'town' ? t('users.townScopeNote') : undefined}
        extra={
          creator ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={handleCreate}>
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <UserFilters value={filter} roles={me.role === 'town' ? [] : ROLES} onChange={setFilter} />
      {pages.error ? <QueryError error={pages.error} onRetry={() => void pages.refetch()} /> : null}
      <ResponsiveTable<User>
        ariaLabel={t('users.title')}
        columns={columns}
        data={users}
        rowKey={(u) => u.id}
        loading={pages.isPending}
        emptyText={t('users.empty')}
        scrollX={anyManageable ? 1080 : 940}
        cardTitle={(u) => (
          <span>
            {u.displayName} <Typography.Text type="secondary">{u.username}</Typography.Text>
          </span>
        )}
        cardActions={anyManageable ? actions : undefined}
      />
      <LoadMore
        loaded={users.length}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onLoadMore={handleLoadMore}
      />
      {creator ? (
        <UserFormDrawer open={drawer !== null} user={drawer?.user ?? null} onClose={handleDrawerClose} />
      ) : null}
      <ResetPasswordModal user={resetting} onClose={handleResetClose} />
    </>
  );
}
