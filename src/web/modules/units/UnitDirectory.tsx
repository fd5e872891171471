import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Select, Switch, Tag, Typography } from 'antd';
import { useMemo, useState, type ChangeEvent } from 'react';
import type { Unit } from '../../../core/accounts/accounts.schemas';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../core/accounts/roles';
import { errorMessage } from '../../api/ApiError';
import { updateUnit } from '../../api/units';
import { useI18n } from '../../i18n/useI18n';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { canManageUnits } from '../auth/permissions';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useRegions } from '../regions/regionQueries';
import { UnitFormDrawer } from './UnitFormDrawer';
import { unitsKey, useUnits } from './unitQueries';

/** 单位管理: the leading group's units; the office edits, others read. */
export function UnitDirectory() {
  const me = useCurrentUser();
  const { t, lt, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const manage = canManageUnits(me);
  const { data, isPending, error, refetch } = useUnits();
  const { data: regions } = useRegions('district');
  const [term, setTerm] = useState('');
  const [kind, setKind] = useState<UnitKind | undefined>();
  const [drawer, setDrawer] = useState<{ unit: Unit | null } | null>(null);

  const regionNames = useMemo(() => new Map((regions ?? []).map((r) => [r.code, r.name])), [regions]);
  const rows = useMemo(
    () =>
      (data ?? []).filter(
        (u) => (!kind || u.kind === kind) && (!term.trim() || u.name.includes(term.trim())),
      ),
    [data, kind, term],
  );

  const toggle = useMutation({
    mutationFn: (unit: Unit) => updateUnit(unit.id, { active: !unit.active }),
    onSuccess: async (saved) => {
      void message.success(t(saved.active ? 'units.activated' : 'units.deactivated', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: unitsKey });
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });

  const handleCreate = () => setDrawer({ unit: null });
  const handleClose = () => setDrawer(null);
  const handleSearch = (event: ChangeEvent<HTMLInputElement>) => setTerm(event.target.value);

  const columns: ResponsiveColumn<Unit>[] = [
    { key: 'name', title: t('units.name'), render: (u) => u.name, hideInCard: true },
    { key: 'kind', title: t('units.kind'), width: 170, render: (u) => lt(UNIT_KIND_LABELS[u.kind]) },
    {
      key: 'region',
      title: t('units.region'),
      width: 140,
      render: (u) => (u.regionCode ? (regionNames.get(u.regionCode) ?? u.regionCode) : '—'),
    },
    { key: 'leader', title: t('units.leader'), width: 120, render: (u) => u.leaderName ?? '—' },
    { key: 'users', title: t('units.userCount'), width: 80, render: (u) => u.userCount },
    {
      key: 'active',
      title: t('units.active'),
      width: 90,
      render: (u) =>
        manage ? (
          <Switch
            size="small"
            checked={u.active}
            loading={toggle.isPending && toggle.variables?.id === u.id}
            onChange={() => toggle.mutate(u)}
            aria-label={`${t('units.active')} ${u.name}`}
          />
        ) : u.active ? (
          <Tag color="green">{t('units.active')}</Tag>
        ) : (
          <Tag>{t('units.inactive')}</Tag>
        ),
    },
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      title: t('app.actions'),
      width: 90,
      hideInCard: true,
      render: (u) => (
        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setDrawer({ unit: u })}>
          {t('app.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={manage ? t('units.titleManage') : t('units.title')}
        tags={manage ? null : <Tag>{t('app.readOnly')}</Tag>}
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={handleCreate}>
              {t('units.create')}
            </Button>
          ) : null
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={term}
          onChange={handleSearch}
          placeholder={t('units.searchPlaceholder')}
          style={{ width: 240, maxWidth: '100%' }}
          aria-label={t('units.searchPlaceholder')}
        />
        <Select<UnitKind>
          allowClear
          value={kind}
          onChange={setKind}
          placeholder={t('units.allKinds')}
          style={{ width: 200, maxWidth: '100%' }}
          options={UNIT_KINDS.map((k) => ({ value: k, label: lt(UNIT_KIND_LABELS[k]) }))}
        />
      </Flex>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <ResponsiveTable<Unit>
        ariaLabel={t('units.title')}
        columns={columns}
        data={rows}
        rowKey={(u) => u.id}
        loading={isPending}
        emptyText={t('units.empty')}
        scrollX={760}
        cardTitle={(u) => <Typography.Text strong>{u.name}</Typography.Text>}
        cardActions={
          manage
            ? (u) => (
                <Button
                  size="small"
                  type="link"
                  icon={<EditOutlined />}
                  onClick={() => setDrawer({ unit: u })}
                >
                  {t('app.edit')}
                </Button>
              )
            : undefined
        }
      />
      {manage ? (
        <UnitFormDrawer open={drawer !== null} unit={drawer?.unit ?? null} onClose={handleClose} />
      ) : null}
    </>
  );
}
