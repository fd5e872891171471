import { Select } from 'antd';
import { useHt } from './text';

interface YearPickerProps {
  value: number | null;
  onChange: (year: number) => void;
  /** Years offered, newest first. */
  years: readonly number[];
  /** Years with recorded data (marked in the list). */
  recorded?: readonly number[];
  loading?: boolean;
}

/** The year whose economics, assessment and flags a page shows. */
export function YearPicker({ value, onChange, years, recorded, loading }: YearPickerProps) {
  const ht = useHt();
  return (
    <Select<number>
      value={value ?? undefined}
      onChange={onChange}
      loading={loading}
      aria-label={ht('hh.year')}
      placeholder={years.length ? ht('hh.pickYear') : ht('hh.noYearChoice')}
      disabled={!years.length}
      style={{ width: 120 }}
      popupMatchSelectWidth={false}
      labelRender={(option) => ht('hh.yearN', { year: Number(option.value) })}
      options={years.map((y) => ({
        value: y,
        label: recorded?.includes(y)
          ? `${ht('hh.yearN', { year: y })} · ${ht('hh.yearHasData')}`
          : ht('hh.yearN', { year: y }),
      }))}
    />
  );
}
