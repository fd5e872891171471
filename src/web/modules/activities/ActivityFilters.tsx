import { DatePicker, Flex, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { ActivityType } from '../../../core/activities/activities.schemas';
import { useI18n } from '../../i18n/useI18n';
import { UnitSelect } from '../units/UnitSelect';
import type { ActivityFilter } from './activityQueries';
import { useActivityTypes } from './activityQueries';

interface ActivityFiltersProps {
  value: ActivityFilter;
  /** Offer the unit filter (roles that read every unit's records). */
  byUnit: boolean;
  onChange: (filter: ActivityFilter) => void;
}

/** Type, date range and (for the office, leaders and inspectors) unit. */
export function ActivityFilters({ value, byUnit, onChange }: ActivityFiltersProps) {
  const { t, lt } = useI18n();
  const types = useActivityTypes();
  const range: [Dayjs, Dayjs] | null = value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null;

  const handleType = (type: ActivityType | undefined) => onChange({ ...value, type });
  const handleRange = (dates: [Dayjs | null, Dayjs | null] | null) =>
    onChange({
      ...value,
      from: dates?.[0]?.format('YYYY-MM-DD'),
      to: dates?.[1]?.format('YYYY-MM-DD'),
    });
  const handleUnit = (unitId: number | null) => onChange({ ...value, unitId: unitId ?? undefined });

  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Select<ActivityType>
        allowClear
        value={value.type}
        onChange={handleType}
        placeholder={t('activities.allTypes')}
        aria-label={t('activities.type')}
        loading={types.isPending}
        style={{ width: 200, maxWidth: '100%' }}
        options={(types.data ?? []).map((o) => ({ value: o.type, label: lt(o.label) }))}
      />
      <DatePicker.RangePicker
        value={range}
        onChange={handleRange}
        aria-label={t('activities.dateRange')}
        style={{ width: 260, maxWidth: '100%' }}
      />
      {byUnit ? (
        <div style={{ width: 240, maxWidth: '100%' }}>
          <UnitSelect
            value={value.unitId ?? null}
            onChange={handleUnit}
            placeholder={t('activities.allUnits')}
          />
        </div>
      ) : null}
    </Flex>
  );
}
