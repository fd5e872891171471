import { useMemo } from 'react';
import type { Region } from '../../../core/region/region.schemas';
import { useI18n } from '../../i18n/useI18n';
import { useRegions } from '../regions/regionQueries';

/**
 * A region code in words from the district tree the user may read: "甲镇 一村" for a village. A
 * region above the user's scope (a district-wide campaign seen by a village cadre) is "全区" when it is
 * a county code, else the code itself.
 */
export function regionLabel(
  code: string,
  byCode: ReadonlyMap<string, Region>,
  wholeDistrict: string,
): string {
  const r = byCode.get(code);
  if (!r) return code.endsWith('000000') ? wholeDistrict : code;
  if (r.level === 'village' && r.parentCode) {
    const town = byCode.get(r.parentCode);
    return town ? `${town.name} ${r.name}` : r.name;
  }
  return r.name;
}

export function useRegionLabel() {
  const { lang } = useI18n();
  const regions = useRegions('district');
  return useMemo(() => {
    const byCode = new Map((regions.data ?? []).map((r) => [r.code, r]));
    const whole = lang === 'zh' ? '全区' : 'Whole district';
    return (code: string) => regionLabel(code, byCode, whole);
  }, [regions.data, lang]);
}
