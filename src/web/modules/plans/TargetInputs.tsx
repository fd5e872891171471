import { Flex, InputNumber, Select } from 'antd';
import {
  ComparisonSchema,
  IndicatorUnitSchema,
  type Comparison,
  type IndicatorUnit,
} from '../../../core/plan/plan.schemas';
import type { IndicatorScope } from '../../../core/plan/plan-model.schemas';
import { useI18n } from '../../i18n/useI18n';

export interface TargetValue {
  comparison: Comparison;
  value: number | null;
  valueMax: number | null;
  unit: IndicatorUnit;
}

interface TargetInputsProps {
  value: TargetValue;
  onChange: (value: TargetValue) => void;
  /** Fields with a problem (outlined red). */
  errors?: ReadonlySet<string>;
}

/** A target as one line: comparison, value (and upper bound for a range), unit. */
export function TargetInputs({ value, onChange, errors }: TargetInputsProps) {
  const { t } = useI18n();
  const status = (f: string) => (errors?.has(f) ? 'error' : undefined);
  return (
    <Flex gap={4} wrap={false} align="center">
      <Select<Comparison>
        value={value.comparison}
        onChange={(comparison) =>
          onChange({ ...value, comparison, valueMax: comparison === 'range' ? value.valueMax : null })
        }
        status={status('comparison')}
        aria-label={t('plans.comparison')}
        style={{ width: 76, flex: 'none' }}
        popupMatchSelectWidth={false}
        options={ComparisonSchema.options.map((c) => ({ value: c, label: t(`plans.cmp.${c}`) }))}
      />
      <InputNumber
        value={value.value}
        onChange={(v) => onChange({ ...value, value: v })}
        min={0}
        status={status('value')}
        aria-label={t('plans.value')}
        style={{ width: 84 }}
      />
      {value.comparison === 'range' ? (
        <>
          <span>–</span>
          <InputNumber
            value={value.valueMax}
            onChange={(v) => onChange({ ...value, valueMax: v })}
            min={0}
            status={status('valueMax')}
            aria-label={t('plans.valueMax')}
            style={{ width: 72 }}
          />
        </>
      ) : null}
      <Select<IndicatorUnit>
        value={value.unit}
        onChange={(unit) => onChange({ ...value, unit })}
        status={status('unit')}
        aria-label={t('plans.unit')}
        style={{ width: 76, flex: 'none' }}
        popupMatchSelectWidth={false}
        showSearch
        options={IndicatorUnitSchema.options.map((u) => ({ value: u, label: u }))}
      />
    </Flex>
  );
}

export function ScopeSelect({
  value,
  onChange,
  id,
  status,
}: {
  value?: IndicatorScope;
  onChange?: (v: IndicatorScope) => void;
  id?: string;
  status?: 'error';
}) {
  const { t } = useI18n();
  return (
    <Select<IndicatorScope>
      id={id}
      value={value}
      onChange={onChange}
      status={status}
      aria-label={t('plans.scope')}
      style={{ width: '100%', minWidth: 110 }}
      options={(['district', 'town', 'unit'] as const).map((s) => ({
        value: s,
        label: t(`plans.scope.${s}`),
      }))}
    />
  );
}
