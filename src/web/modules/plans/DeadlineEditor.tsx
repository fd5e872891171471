import { Flex, InputNumber, Select, Typography } from 'antd';
import type { Deadline, DeadlineKind, PeriodScope } from '../../../core/plan/plan.schemas';
import { useI18n } from '../../i18n/useI18n';
import { blankDeadline, withParams } from './deadlineText';

interface DeadlineEditorProps {
  value?: Deadline | null;
  onChange?: (value: Deadline | null) => void;
  id?: string;
  /** Show the plan's wording under the controls. */
  showLabel?: boolean;
}

const KINDS: DeadlineKind[] = [
  'date',
  'quarter',
  'half-year',
  'year-end',
  'each-half-year',
  'each-quarter',
  'each-month',
];

/**
 * When a target is due, relative to the plan year (3月底前, 上半年, 分上、下半年…). Form-compatible;
 * no deadline means the year's end.
 */
export function DeadlineEditor({ value, onChange, id, showLabel = true }: DeadlineEditorProps) {
  const { t } = useI18n();
  const d = value ?? null;
  const handleKind = (kind: DeadlineKind | 'none') =>
    onChange?.(kind === 'none' ? null : blankDeadline(kind));
  const set = (change: Record<string, unknown>) => d && onChange?.(withParams(d, change));

  return (
    <Flex vertical gap={4}>
      <Flex gap={8} wrap>
        <Select<DeadlineKind | 'none'>
          id={id}
          value={d?.kind ?? 'none'}
          onChange={handleKind}
          style={{ width: 150 }}
          aria-label={t('plans.deadlineKind')}
          options={[
            { value: 'none', label: t('plans.deadline.none') },
            ...KINDS.map((k) => ({ value: k, label: t(`plans.deadline.${k}`) })),
          ]}
        />
        {d?.kind === 'date' ? (
          <>
            <Select<number>
              value={d.month}
              onChange={(month) => set({ month })}
              style={{ width: 84 }}
              aria-label={t('plans.month')}
              options={Array.from({ length: 12 }, (_, i) => ({
                value: i + 1,
                label: `${i + 1}${t('plans.monthSuffix')}`,
              }))}
            />
            <InputNumber
              value={d.day}
              onChange={(day) => set({ day: day ?? null })}
              min={1}
              max={31}
              precision={0}
              placeholder={t('plans.monthEnd')}
              aria-label={t('plans.day')}
              style={{ width: 96 }}
            />
          </>
        ) : null}
        {d?.kind === 'quarter' ? (
          <Select<number>
            value={d.quarter}
            onChange={(quarter) => set({ quarter })}
            style={{ width: 110 }}
            options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('plans.quarterN', { n: q }) }))}
          />
        ) : null}
        {d?.kind === 'half-year' ? (
          <Select<1 | 2>
            value={d.half}
            onChange={(half) => set({ half })}
            style={{ width: 110 }}
            options={[
              { value: 1, label: t('plans.firstHalf') },
              { value: 2, label: t('plans.secondHalf') },
            ]}
          />
        ) : null}
        {d?.kind === 'each-half-year' || d?.kind === 'each-quarter' ? (
          <Select<PeriodScope>
            value={d.scope}
            onChange={(scope) => set({ scope })}
            style={{ width: 170 }}
            options={[
              { value: 'year-total', label: t('plans.periodTotal') },
              { value: 'each-period', label: t('plans.periodEach') },
            ]}
          />
        ) : null}
      </Flex>
      {showLabel && d ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('plans.deadlineWording', { label: d.label })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
