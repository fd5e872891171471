import { Radio } from 'antd';
import { useI18n } from '../../i18n/useI18n';
import { useHt } from './text';

interface YesNoFieldProps {
  value?: boolean | null;
  onChange?: (value: boolean | null) => void;
  id?: string;
  /** Offer "not verified" (null); off for facts that are always known. */
  allowUnknown?: boolean;
}

const toKey = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : 'unknown');

/**
 * 是 / 否 / 未核实 as three buttons (a thumb hits them on a phone): a fact not yet verified stays null
 * and the assessment says "unknown" instead of guessing. Form-compatible (`value`/`onChange`).
 */
export function YesNoField({ value, onChange, id, allowUnknown = true }: YesNoFieldProps) {
  const { t } = useI18n();
  const ht = useHt();
  const options = [
    { value: 'yes', label: t('app.yes') },
    { value: 'no', label: t('app.no') },
    ...(allowUnknown ? [{ value: 'unknown', label: ht('hh.notVerified') }] : []),
  ];
  return (
    <Radio.Group
      id={id}
      optionType="button"
      value={toKey(value)}
      options={options}
      onChange={(e) => {
        const k = e.target.value as string;
        onChange?.(k === 'yes' ? true : k === 'no' ? false : null);
      }}
    />
  );
}
