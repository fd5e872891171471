import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, InputNumber, Select, Switch, Typography } from 'antd';
import {
  ACTIVITY_TYPE_LABELS,
  ACTIVITY_TYPES,
  type ActivityType,
} from '../../../core/activities/activities.schemas';
import type { BaseMeasurement, Measurement, RecordFilter } from '../../../core/progress/measurement';
import { useI18n } from '../../i18n/useI18n';
import { fieldText } from '../activities/activityTypes';
import { detailFieldsOf, type DetailField } from '../activities/detailFields';
import { MEASUREMENT_KIND_LABELS, SUM_FIELD_LABELS, measurementText } from './measurementText';

type BaseKind = BaseMeasurement['kind'];
const BASE_KINDS: BaseKind[] = ['count', 'distinct_people', 'sum'];

function blankBase(kind: BaseKind, recordType: ActivityType, filter: RecordFilter = {}): BaseMeasurement {
  if (kind === 'sum') return { kind, recordType, filter, field: 'amountYuan' };
  if (kind === 'distinct_people') return { kind, recordType, filter };
  return { kind, recordType, filter, distinctOn: null };
}

/** Details fields a filter can test: choices and yes/no (free text would rarely match exactly). */
function filterableFields(type: ActivityType): DetailField[] {
  return detailFieldsOf(type).filter((f) => f.control.kind === 'select' || f.control.kind === 'boolean');
}

function FilterValue({
  type,
  field,
  value,
  onChange,
}: {
  type: ActivityType;
  field: DetailField | undefined;
  value: string | number | boolean | undefined;
  onChange: (v: string | number | boolean) => void;
}) {
  const { lt } = useI18n();
  if (field?.control.kind === 'boolean') return <Switch checked={value === true} onChange={onChange} />;
  if (field?.control.kind === 'select') {
    const labels = fieldText(type, field.name)?.options ?? {};
    return (
      <Select<string>
        value={value === undefined ? undefined : String(value)}
        onChange={onChange}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
        options={field.control.options.map((o) => ({ value: o, label: labels[o] ? lt(labels[o]) : o }))}
      />
    );
  }
  if (typeof value === 'number')
    return <InputNumber value={value} onChange={(v) => onChange(v ?? 0)} style={{ width: 200 }} />;
  return (
    <Input
      value={value === undefined ? '' : String(value)}
      onChange={(e) => onChange(e.target.value)}
      style={{ width: 200 }}
    />
  );
}

function BaseEditor({ value, onChange }: { value: BaseMeasurement; onChange: (m: BaseMeasurement) => void }) {
  const { t, lt } = useI18n();
  const type = value.recordType as ActivityType;
  const fields = filterableFields(type);
  const used = Object.keys(value.filter);
  const free = fields.filter((f) => !used.includes(f.name));

  const setFilter = (filter: RecordFilter) => onChange({ ...value, filter });
  const handleType = (recordType: ActivityType) => onChange(blankBase(value.kind, recordType));
  const handleKind = (kind: BaseKind) => onChange(blankBase(kind, type, value.filter));
  const handleAdd = () => {
    const field = free[0];
    if (!field) return;
    const first = field.control.kind === 'select' ? (field.control.options[0] ?? '') : true;
    setFilter({ ...value.filter, [field.name]: first });
  };

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Select<ActivityType>
          value={type}
          onChange={handleType}
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('plans.recordType')}
          style={{ minWidth: 200, flex: 1 }}
          options={ACTIVITY_TYPES.map((ty) => ({ value: ty, label: lt(ACTIVITY_TYPE_LABELS[ty]) }))}
        />
        <Select<BaseKind>
          value={value.kind}
          onChange={handleKind}
          aria-label={t('plans.measurementKind')}
          style={{ width: 140 }}
          options={BASE_KINDS.map((k) => ({ value: k, label: lt(MEASUREMENT_KIND_LABELS[k]) }))}
        />
        {value.kind === 'sum' ? (
          <Select<'amountYuan' | 'peopleCount'>
            value={value.field}
            onChange={(field) => onChange({ ...value, field })}
            aria-label={t('plans.sumField')}
            style={{ width: 110 }}
            options={(['amountYuan', 'peopleCount'] as const).map((f) => ({
              value: f,
              label: lt(SUM_FIELD_LABELS[f]),
            }))}
          />
        ) : null}
      </Flex>
      {value.kind === 'count' ? (
        <Checkbox
          checked={value.distinctOn === 'date'}
          onChange={(e) => onChange({ ...value, distinctOn: e.target.checked ? 'date' : null })}
        >
          {t('plans.countDays')}
        </Checkbox>
      ) : null}
      {used.map((name) => {
        const field = fields.find((f) => f.name === name);
        const label = fieldText(type, name)?.label;
        return (
          <Flex key={name} gap={8} align="center" wrap>
            <Select<string>
              value={name}
              onChange={(next) => {
                const { [name]: _old, ...rest } = value.filter;
                const f = fields.find((x) => x.name === next);
                setFilter({
                  ...rest,
                  [next]: f?.control.kind === 'select' ? (f.control.options[0] ?? '') : true,
                });
              }}
              style={{ width: 150 }}
              popupMatchSelectWidth={false}
              options={[...free, ...(field ? [field] : [])].map((f) => ({
                value: f.name,
                label: fieldText(type, f.name) ? lt(fieldText(type, f.name)!.label) : f.name,
              }))}
              aria-label={label ? lt(label) : name}
            />
            <span>=</span>
            <FilterValue
              type={type}
              field={field}
              value={value.filter[name]}
              onChange={(v) => setFilter({ ...value.filter, [name]: v })}
            />
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('plans.removeFilter')}
              onClick={() => {
                const { [name]: _removed, ...rest } = value.filter;
                setFilter(rest);
              }}
            />
          </Flex>
        );
      })}
      {free.length ? (
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={handleAdd}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('plans.addFilter')}
        </Button>
      ) : null}
    </Flex>
  );
}

interface MeasurementEditorProps {
  value?: Measurement;
  onChange?: (value: Measurement) => void;
  id?: string;
}

/**
 * How an indicator counts itself from the records: a record type with conditions on its details and
 * what to count (records, distinct people, a sum), a ratio of two such, or a manual figure. Form-compatible.
 */
export function MeasurementEditor({ value, onChange, id }: MeasurementEditorProps) {
  const { t, lt } = useI18n();
  const m: Measurement = value ?? { kind: 'manual' };
  const defaultType: ActivityType =
    m.kind === 'ratio'
      ? (m.numerator.recordType as ActivityType)
      : m.kind === 'manual'
        ? 'training'
        : (m.recordType as ActivityType);

  const handleKind = (kind: Measurement['kind']) => {
    if (kind === 'manual') onChange?.({ kind });
    else if (kind === 'ratio') {
      const base = m.kind === 'manual' || m.kind === 'ratio' ? blankBase('count', defaultType) : m;
      onChange?.({ kind, numerator: base, denominator: blankBase('count', base.recordType as ActivityType) });
    } else if (m.kind === 'manual' || m.kind === 'ratio') onChange?.(blankBase(kind, defaultType));
    else onChange?.(blankBase(kind, m.recordType as ActivityType, m.filter));
  };

  return (
    <Flex vertical gap={8} id={id}>
      <Select<Measurement['kind']>
        value={m.kind}
        onChange={handleKind}
        aria-label={t('plans.measurementKind')}
        style={{ width: 220 }}
        options={(['count', 'distinct_people', 'sum', 'ratio', 'manual'] as const).map((k) => ({
          value: k,
          label: lt(MEASUREMENT_KIND_LABELS[k]),
        }))}
      />
      {m.kind === 'ratio' ? (
        <>
          <Typography.Text type="secondary">{t('plans.numerator')}</Typography.Text>
          <BaseEditor value={m.numerator} onChange={(numerator) => onChange?.({ ...m, numerator })} />
          <Typography.Text type="secondary">{t('plans.denominator')}</Typography.Text>
          <BaseEditor value={m.denominator} onChange={(denominator) => onChange?.({ ...m, denominator })} />
        </>
      ) : m.kind === 'manual' ? (
        <Typography.Text type="secondary">{t('plans.manualHint')}</Typography.Text>
      ) : (
        <BaseEditor value={m} onChange={(base) => onChange?.(base)} />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('plans.measurementReads', { text: measurementText(m, lt) })}
      </Typography.Text>
    </Flex>
  );
}
