import { Alert, Card, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { UnitPlan } from '../../../core/plan/unit-plan.schemas';
import { useI18n } from '../../i18n/useI18n';
import { formatNumber } from '../../ui/formatNumber';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { useCurrentUser } from '../auth/useCurrentUser';
import { usePlans } from '../plans/planQueries';
import { todayInChina } from '../progress/asOf';
import { useUnits } from '../units/unitQueries';
import { readsAllLedgers } from './ledgerPermissions';
import { useUnitPlans } from './ledgerQueries';
import { ledgerYears } from './ledgerYears';

/**
 * 帮扶台账: for the office, leaders and inspectors, every member unit's plan and ledger totals of a
 * year, and which units have not written theirs (R2, R13); a unit goes straight to its own.
 */
export function LedgerOverview() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const plans = usePlans();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const all = readsAllLedgers(me);
  const { years, initial } = ledgerYears(
    (plans.data ?? []).map((p) => p.year),
    Number(todayInChina().slice(0, 4)),
  );
  const year = Number(params.get('year')) || initial;
  const list = useUnitPlans(year, all && !plans.isPending);
  const missing = useMemo(() => {
    const have = new Set((list.data ?? []).map((p) => p.unitId));
    return (units.data ?? []).filter((u) => u.kind === 'member' && u.active && !have.has(u.id));
  }, [list.data, units.data]);

  if (!all) {
    if (plans.isPending) return null;
    if (!me.unitId) return <Alert type="warning" showIcon title={t('ledgers.noUnit')} />;
    return <Navigate to={`/ledgers/${me.unitId}/${year}`} replace />;
  }

  const columns: ResponsiveColumn<UnitPlan>[] = [
    {
      key: 'unit',
      title: t('activities.unit'),
      width: 220,
      hideInCard: true,
      render: (p) => <Link to={`/ledgers/${p.unitId}/${year}`}>{p.unitName}</Link>,
    },
    {
      key: 'responsible',
      title: t('ledgers.responsiblePerson'),
      width: 140,
      render: (p) => p.responsiblePerson,
    },
    {
      key: 'planned',
      title: t('ledgers.plannedMoney'),
      width: 150,
      render: (p) => formatNumber(p.plannedMoneyYuan),
    },
    {
      key: 'money',
      title: t('ledgers.moneyIn'),
      width: 150,
      render: (p) => formatNumber(p.totals.moneyYuan),
    },
    {
      key: 'households',
      title: t('ledgers.householdsReached'),
      width: 110,
      render: (p) => formatNumber(p.totals.households),
    },
    {
      key: 'income',
      title: t('ledgers.incomeDone'),
      width: 150,
      render: (p) => formatNumber(p.totals.incomeIncreaseYuan),
    },
    { key: 'entries', title: t('ledgers.entryCount'), width: 90, render: (p) => p.totals.entries },
    {
      key: 'updated',
      title: t('ledgers.updatedAt'),
      width: 150,
      render: (p) => dayjs(p.updatedAt).format('YYYY-MM-DD'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('ledgers.title')}
        tags={me.role === 'admin' ? null : <Tag>{t('app.readOnly')}</Tag>}
        description={t('ledgers.overviewHelp')}
        extra={
          <Select<number>
            value={year}
            onChange={(y) => setParams({ year: String(y) }, { replace: true })}
            aria-label={t('ledgers.year')}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: t('plans.yearTag', { year: y }) }))}
          />
        }
      />
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <ResponsiveTable<UnitPlan>
        ariaLabel={t('ledgers.title')}
        columns={columns}
        data={list.data ?? []}
        rowKey={(p) => p.id}
        loading={list.isPending}
        emptyText={t('ledgers.noPlans', { year })}
        scrollX={1100}
        cardTitle={(p) => <Link to={`/ledgers/${p.unitId}/${year}`}>{p.unitName}</Link>}
      />
      {missing.length ? (
        <Card size="small" title={t('ledgers.missing', { n: missing.length })} style={{ marginTop: 16 }}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {me.role === 'admin' ? t('ledgers.missingAdmin') : t('ledgers.missingHint')}
          </Typography.Paragraph>
          {missing.map((u) => (
            <Link key={u.id} to={`/ledgers/${u.id}/${year}`}>
              <Tag style={{ marginBottom: 6 }}>{u.name}</Tag>
            </Link>
          ))}
        </Card>
      ) : null}
    </>
  );
}
