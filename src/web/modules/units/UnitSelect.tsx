import { Select } from 'antd';
import { UNIT_KIND_LABELS } from '../../../core/accounts/roles';
import { useI18n } from '../../i18n/useI18n';
import { useUnits } from './unitQueries';

interface UnitSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  id?: string;
}

/** Picks an active unit, grouped by kind. Form-compatible (`value`/`onChange`). */
export function UnitSelect({ value, onChange, placeholder, id }: UnitSelectProps) {
  const { lt } = useI18n();
  const { data, isPending } = useUnits();
  const active = (data ?? []).filter((u) => u.active || u.id === value);
  const kinds = [...new Set(active.map((u) => u.kind))];
  const options = kinds.map((kind) => ({
    label: lt(UNIT_KIND_LABELS[kind]),
    title: lt(UNIT_KIND_LABELS[kind]),
    options: active.filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: u.name })),
  }));
  const handleChange = (next: number | undefined) => onChange?.(next ?? null);
  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={handleChange}
      options={options}
      placeholder={placeholder}
      loading={isPending}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
    />
  );
}
