import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Progress,
  Row,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { LedgerEntry } from '../../../core/plan/unit-plan.schemas';
import { errorMessage } from '../../api/ApiError';
import { deleteLedgerEntry, type UnitPlanDetail } from '../../api/ledgers';
import type { Lang } from '../../i18n/lang';
import { useI18n } from '../../i18n/useI18n';
import { formatNumber } from '../../ui/formatNumber';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { useCurrentUser } from '../auth/useCurrentUser';
import { usePlans } from '../plans/planQueries';
import { todayInChina } from '../progress/asOf';
import { useUnits } from '../units/unitQueries';
import { LedgerEntryDrawer } from './LedgerEntryDrawer';
import { canWriteLedger, readsAllLedgers } from './ledgerPermissions';
import { ledgersKey, useUnitPlan } from './ledgerQueries';
import { ledgerYears } from './ledgerYears';
import { UnitPlanDrawer } from './UnitPlanDrawer';

export function yuan(v: number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '—';
  return lang === 'zh' ? `${formatNumber(v)} 元` : `¥${formatNumber(v)}`;
}

function Figure({ label, done, planned }: { label: string; done: number; planned: number | null }) {
  const { t, lang } = useI18n();
  const percent = planned ? Math.round((done / planned) * 1000) / 10 : null;
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 20, fontWeight: 600 }}>{yuan(done, lang)}</div>
      {planned ? (
        <>
          <Progress percent={Math.min(100, percent ?? 0)} showInfo={false} size="small" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ledgers.ofPlanned', { percent: percent ?? 0, planned: yuan(planned, lang) })}
          </Typography.Text>
        </>
      ) : null}
    </Card>
  );
}

function PlanSummary({ plan }: { plan: UnitPlanDetail }) {
  const { t, lang } = useI18n();
  const narrow = useIsNarrow();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions
      column={narrow ? 1 : 2}
      size="small"
      bordered
      items={[
        {
          key: 'responsible',
          label: t('ledgers.responsiblePerson'),
          children: `${plan.responsiblePerson}${plan.responsibleTitle ? `（${plan.responsibleTitle}）` : ''}`,
        },
        { key: 'contact', label: t('ledgers.contactPerson'), children: plan.contactPerson ?? none },
        { key: 'focus', label: t('ledgers.focus'), span: narrow ? 1 : 2, children: plan.focus ?? none },
        {
          key: 'measures',
          label: t('ledgers.measures'),
          span: narrow ? 1 : 2,
          children: plan.measures.length ? (
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {plan.measures.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ol>
          ) : (
            none
          ),
        },
        {
          key: 'targets',
          label: t('ledgers.targets'),
          span: narrow ? 1 : 2,
          children: plan.targets.length ? (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {plan.targets.map((x, i) => (
                <li key={i}>
                  {x.text}
                  {x.value != null ? `：${formatNumber(x.value)}${x.unit ?? ''}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            none
          ),
        },
        { key: 'money', label: t('ledgers.plannedMoney'), children: yuan(plan.plannedMoneyYuan, lang) },
        {
          key: 'income',
          label: t('ledgers.plannedIncome'),
          children: yuan(plan.plannedIncomeIncreaseYuan, lang),
        },
        {
          key: 'materials',
          label: t('ledgers.plannedMaterials'),
          span: narrow ? 1 : 2,
          children: plan.plannedMaterials ?? none,
        },
      ]}
    />
  );
}

/** 帮扶台账 of one unit and year: its plan (R2) and the ledger entries, summed against the planned inputs. */
export function UnitLedger({ unitId, year }: { unitId: number; year: number }) {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const plan = useUnitPlan(unitId, year);
  const units = useUnits();
  const plans = usePlans();
  const [editingPlan, setEditingPlan] = useState(false);
  const [entryDrawer, setEntryDrawer] = useState<{ entry: LedgerEntry | null } | null>(null);
  const writer = canWriteLedger(me, unitId);
  const unitName = units.data?.find((u) => u.id === unitId)?.name ?? plan.data?.unitName ?? me.unitName ?? '';
  const { years } = ledgerYears(
    (plans.data ?? []).map((p) => p.year),
    Number(todayInChina().slice(0, 4)),
  );

  const remove = useMutation({
    mutationFn: (e: LedgerEntry) => deleteLedgerEntry(e.id),
    onSuccess: async () => {
      void message.success(t('ledgers.entryDeleted'));
      await queryClient.invalidateQueries({ queryKey: ledgersKey });
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const handleDelete = (e: LedgerEntry) =>
    modal.confirm({
      title: t('ledgers.deleteEntry'),
      content: t('ledgers.deleteEntryConfirm', { date: e.date, measure: e.measure.slice(0, 40) }),
      okText: t('activities.delete'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: () => remove.mutateAsync(e),
    });
  const handleYear = (y: number) => void navigate(`/ledgers/${unitId}/${y}`);

  const entryActions = (e: LedgerEntry) => (
    <Flex gap={0}>
      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEntryDrawer({ entry: e })}>
        {t('app.edit')}
      </Button>
      <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => handleDelete(e)}>
        {t('activities.delete')}
      </Button>
    </Flex>
  );
  const columns: ResponsiveColumn<LedgerEntry>[] = [
    { key: 'date', title: t('ledgers.date'), width: 110, render: (e) => e.date, hideInCard: true },
    { key: 'measure', title: t('ledgers.measure'), render: (e) => e.measure },
    { key: 'money', title: t('ledgers.moneyShort'), width: 120, render: (e) => formatNumber(e.moneyYuan) },
    {
      key: 'materials',
      title: t('ledgers.materials'),
      width: 180,
      render: (e) =>
        e.materials
          ? `${e.materials}${e.materialsValueYuan != null ? `（${formatNumber(e.materialsValueYuan)}）` : ''}`
          : '—',
    },
    {
      key: 'households',
      title: t('ledgers.householdsShort'),
      width: 80,
      render: (e) => formatNumber(e.households),
    },
    {
      key: 'income',
      title: t('ledgers.incomeShort'),
      width: 120,
      render: (e) => formatNumber(e.incomeIncreaseYuan),
    },
    { key: 'note', title: t('ledgers.note'), width: 160, render: (e) => e.note ?? '—' },
  ];
  if (writer)
    columns.push({
      key: 'actions',
      title: t('app.actions'),
      width: 150,
      render: entryActions,
      hideInCard: true,
      fixed: 'right',
    });

  const data = plan.data;
  return (
    <>
      <PageHeader
        title={t('ledgers.unitTitle', { unit: unitName, year })}
        tags={writer ? null : <Tag>{t('app.readOnly')}</Tag>}
        extra={
          <>
            {readsAllLedgers(me) ? (
              <Link to={`/ledgers?year=${year}`}>
                <Button>{t('ledgers.allUnits')}</Button>
              </Link>
            ) : null}
            <Select<number>
              value={year}
              onChange={handleYear}
              aria-label={t('ledgers.year')}
              style={{ width: 110 }}
              options={years.map((y) => ({ value: y, label: t('plans.yearTag', { year: y }) }))}
            />
            {writer && data ? (
              <Button icon={<EditOutlined />} onClick={() => setEditingPlan(true)}>
                {t('ledgers.editPlan')}
              </Button>
            ) : null}
          </>
        }
      />
      {plan.error ? <QueryError error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {plan.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {data === null ? (
        <Card>
          <Empty description={t('ledgers.noPlan', { year })}>
            {writer ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditingPlan(true)}>
                {t('ledgers.writePlan')}
              </Button>
            ) : null}
          </Empty>
        </Card>
      ) : null}
      {data ? (
        <Flex vertical gap={16}>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Figure
                label={t('ledgers.moneyIn')}
                done={data.totals.moneyYuan}
                planned={data.plannedMoneyYuan}
              />
            </Col>
            <Col xs={12} md={6}>
              <Figure label={t('ledgers.materialsIn')} done={data.totals.materialsValueYuan} planned={null} />
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" style={{ height: '100%' }}>
                <Typography.Text type="secondary">{t('ledgers.householdsReached')}</Typography.Text>
                <div style={{ fontSize: 20, fontWeight: 600 }}>{formatNumber(data.totals.households)}</div>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Figure
                label={t('ledgers.incomeDone')}
                done={data.totals.incomeIncreaseYuan}
                planned={data.plannedIncomeIncreaseYuan}
              />
            </Col>
          </Row>
          <Card size="small" title={t('ledgers.planTitle')}>
            <PlanSummary plan={data} />
          </Card>
          <Card
            size="small"
            title={t('ledgers.entries', { n: data.entries.length })}
            extra={
              writer ? (
                <Button
                  type="primary"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => setEntryDrawer({ entry: null })}
                >
                  {t('ledgers.addEntry')}
                </Button>
              ) : null
            }
          >
            <ResponsiveTable<LedgerEntry>
              ariaLabel={t('ledgers.entriesLabel')}
              columns={columns}
              data={data.entries}
              rowKey={(e) => e.id}
              emptyText={t('ledgers.noEntries')}
              scrollX={1000}
              cardTitle={(e) => e.date}
              cardActions={writer ? entryActions : undefined}
            />
          </Card>
        </Flex>
      ) : null}
      {writer ? (
        <>
          <UnitPlanDrawer
            open={editingPlan}
            unitId={unitId}
            unitName={unitName}
            year={year}
            plan={data ?? null}
            onClose={() => setEditingPlan(false)}
          />
          <LedgerEntryDrawer
            open={entryDrawer !== null}
            unitId={unitId}
            year={year}
            entry={entryDrawer?.entry ?? null}
            onClose={() => setEntryDrawer(null)}
          />
        </>
      ) : null}
    </>
  );
}
