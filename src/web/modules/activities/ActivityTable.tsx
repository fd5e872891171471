import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { ACTIVITY_TYPE_LABELS, type Activity } from '../../../core/activities/activities.schemas';
import { useI18n } from '../../i18n/useI18n';
import { formatNumber } from '../../ui/formatNumber';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { activitySummary } from './activityTypes';

interface ActivityTableProps {
  records: readonly Activity[];
  loading?: boolean;
  emptyText?: ReactNode;
  ariaLabel: string;
  /** Hide the unit column (a unit's own list). */
  hideUnit?: boolean;
  /** Row buttons (edit, delete); on a phone they sit at the bottom of the card. */
  actions?: (record: Activity) => ReactNode;
}

/** Activity records as a table (cards on a phone); ID numbers only masked, as the API gives them. */
export function ActivityTable({
  records,
  loading,
  emptyText,
  ariaLabel,
  hideUnit,
  actions,
}: ActivityTableProps) {
  const { t, lt } = useI18n();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const columns: ResponsiveColumn<Activity>[] = [
    {
      key: 'date',
      title: t('activities.date'),
      width: 104,
      render: (a) => <span style={{ whiteSpace: 'nowrap' }}>{a.date}</span>,
      hideInCard: true,
    },
    {
      key: 'type',
      title: t('activities.type'),
      width: 130,
      render: (a) => lt(ACTIVITY_TYPE_LABELS[a.type]),
      hideInCard: true,
    },
    ...(hideUnit
      ? []
      : [
          {
            key: 'unit',
            title: t('activities.unit'),
            width: 170,
            render: (a: Activity) => a.unitName ?? dash,
          },
        ]),
    {
      key: 'content',
      title: t('activities.content'),
      // The person (masked ID) leads the content: it is what a placement record is about.
      render: (a) => (
        <>
          {a.person ? (
            <div style={{ whiteSpace: 'nowrap' }}>
              {a.person.name} <Typography.Text type="secondary">{a.person.idNumberMasked}</Typography.Text>
            </div>
          ) : null}
          <div>{activitySummary(a.type, a.details, lt) || (a.person ? null : dash)}</div>
        </>
      ),
    },
    { key: 'place', title: t('activities.place'), width: 100, render: (a) => a.regionName ?? a.regionCode },
    {
      key: 'amount',
      title: t('activities.amountShort'),
      width: 116,
      render: (a) => (a.amountYuan === null ? dash : formatNumber(a.amountYuan)),
    },
    {
      key: 'people',
      title: t('activities.peopleShort'),
      width: 64,
      render: (a) => (a.peopleCount === null ? dash : formatNumber(a.peopleCount)),
    },
  ];
  if (actions) {
    columns.push({
      key: 'actions',
      title: t('app.actions'),
      width: 164,
      render: actions,
      hideInCard: true,
      fixed: 'right',
    });
  }
  return (
    <ResponsiveTable<Activity>
      ariaLabel={ariaLabel}
      columns={columns}
      data={records}
      rowKey={(a) => a.id}
      loading={loading}
      emptyText={emptyText}
      scrollX={hideUnit ? 860 : 1040}
      cardTitle={(a) => (
        <span>
          {lt(ACTIVITY_TYPE_LABELS[a.type])} <Typography.Text type="secondary">{a.date}</Typography.Text>
        </span>
      )}
      cardActions={actions}
    />
  );
}
