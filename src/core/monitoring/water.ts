import type { YearConfig } from './config';
import { criterion } from './criteria';
import type { Criterion } from './criteria';
import type { WaterFacts } from './facts';
import { formatNumber } from './format';

/** The four safe-water criteria with the year's thresholds. */
export function assessWater(w: WaterFacts, c: YearConfig['water']): Criterion[] {
  const out: Criterion[] = [];
  const need = w.waterShortArea ? c.litresPerPersonDayWaterShort : c.litresPerPersonDay;
  const areaZh = w.waterShortArea ? '（缺水地区标准）' : '';
  const areaEn = w.waterShortArea ? ' (water-short area standard)' : '';
  const qInputs = {
    litresPerPersonDay: w.litresPerPersonDay,
    waterShortArea: w.waterShortArea,
    threshold: need,
  };
  if (w.litresPerPersonDay === null) {
    out.push(
      criterion(
        'waterQuantity',
        'unknown',
        null,
        '人均日供水量未核实',
        'Water quantity not verified',
        qInputs,
      ),
    );
  } else {
    const met = w.litresPerPersonDay >= need;
    const op = met ? '≥' : '<';
    const l = formatNumber(w.litresPerPersonDay);
    out.push(
      criterion(
        'waterQuantity',
        met ? 'met' : 'not_met',
        w.litresPerPersonDay,
        `人均日供水 ${l} 升 ${op} ${formatNumber(need)} 升${areaZh}`,
        `Water ${l} L per person per day ${op} ${formatNumber(need)} L${areaEn}`,
        qInputs,
      ),
    );
  }
  const qualityInputs = { qualityOk: w.qualityOk };
  out.push(
    w.qualityOk === null
      ? criterion('waterQuality', 'unknown', null, '水质未核实', 'Water quality not verified', qualityInputs)
      : w.qualityOk
        ? criterion(
            'waterQuality',
            'met',
            true,
            '水质达标',
            'Water quality meets the standard',
            qualityInputs,
          )
        : criterion(
            'waterQuality',
            'not_met',
            false,
            '水质不达标',
            'Water quality below the standard',
            qualityInputs,
          ),
  );
  const fInputs = { fetchMinutes: w.fetchMinutes, threshold: c.maxFetchMinutes };
  if (w.fetchMinutes === null) {
    out.push(
      criterion('waterConvenience', 'unknown', null, '取水时间未核实', 'Fetching time not verified', fInputs),
    );
  } else {
    const met = w.fetchMinutes <= c.maxFetchMinutes;
    const op = met ? '≤' : '>';
    out.push(
      criterion(
        'waterConvenience',
        met ? 'met' : 'not_met',
        w.fetchMinutes,
        `取水往返 ${formatNumber(w.fetchMinutes)} 分钟 ${op} ${formatNumber(c.maxFetchMinutes)} 分钟`,
        `Fetching water takes ${formatNumber(w.fetchMinutes)} min ${op} ${formatNumber(c.maxFetchMinutes)} min`,
        fInputs,
      ),
    );
  }
  const sInputs = { supplyCutDaysPerYear: w.supplyCutDaysPerYear, threshold: c.maxSupplyCutDaysPerYear };
  if (w.supplyCutDaysPerYear === null) {
    out.push(
      criterion('waterSupply', 'unknown', null, '断水天数未核实', 'Supply cuts not verified', sInputs),
    );
  } else {
    const met = w.supplyCutDaysPerYear <= c.maxSupplyCutDaysPerYear;
    const op = met ? '≤' : '>';
    const d = formatNumber(w.supplyCutDaysPerYear);
    const max = formatNumber(c.maxSupplyCutDaysPerYear);
    out.push(
      criterion(
        'waterSupply',
        met ? 'met' : 'not_met',
        w.supplyCutDaysPerYear,
        `全年断水 ${d} 天 ${op} ${max} 天`,
        `Supply cut ${d} days a year ${op} ${max} days`,
        sInputs,
      ),
    );
  }
  return out;
}
