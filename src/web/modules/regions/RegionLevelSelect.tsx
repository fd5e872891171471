import { Select } from 'antd';
import { useMemo } from 'react';
import { useRegions } from './regionQueries';

interface RegionLevelSelectProps {
  level: 'town' | 'village';
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  id?: string;
  disabled?: boolean;
}

/**
 * Picks a town, or a village grouped by its town, from the district tree the user may read (a town
 * user gets only its own villages). Form-compatible (`value`/`onChange`).
 */
export function RegionLevelSelect({
  level,
  value,
  onChange,
  placeholder,
  id,
  disabled,
}: RegionLevelSelectProps) {
  const { data, isPending } = useRegions('district');

  const options = useMemo(() => {
    const items = data ?? [];
    const towns = items.filter((r) => r.level === 'town');
    if (level === 'town') return towns.map((r) => ({ value: r.code, label: `${r.name}（${r.kindLabel}）` }));
    const villages = items.filter((r) => r.level === 'village');
    const townNames = new Map(towns.map((r) => [r.code, r.name]));
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const v of villages) {
      const group = v.parentCode ?? '';
      groups.set(group, [...(groups.get(group) ?? []), { value: v.code, label: v.name }]);
    }
    return [...groups].map(([town, list]) => ({
      label: townNames.get(town) ?? town,
      title: townNames.get(town) ?? town,
      options: list,
    }));
  }, [data, level]);

  const handleChange = (next: string | undefined) => onChange?.(next ?? null);

  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={handleChange}
      options={options}
      placeholder={placeholder}
      loading={isPending}
      disabled={disabled}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
    />
  );
}
