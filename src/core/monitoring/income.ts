import type { YearConfig } from './config';
import type { HouseholdEconomics } from './facts';
import { round2 } from './format';

/** Household net income = wages + business income + property + transfers − business costs (一达标 basis). */
export function householdNetIncome(econ: HouseholdEconomics): number {
  return round2(
    econ.wages + econ.netBusinessIncome + econ.propertyIncome + econ.transferIncome - econ.businessCosts,
  );
}

/** 人均纯收入 = household net income ÷ household size, rounded to 2 decimals; one definition everywhere. */
export function perCapitaNetIncome(econ: HouseholdEconomics, size: number): number {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('perCapitaNetIncome: 家庭人口数应为正整数');
  return round2(householdNetIncome(econ) / size);
}

/** Sum of rigid expenditure (medical, education, disaster, other) that feeds 突发严重困难 (R10). */
export function rigidExpenditureTotal(econ: HouseholdEconomics): number {
  const r = econ.rigidExpenditure;
  return round2(r.medical + r.education + r.disaster + r.other);
}

/** Monitoring line = poverty line × multiple (e.g. 1.5 × 4,000 = 6,000). */
export function monitoringLineOf(config: YearConfig): number {
  return round2(config.povertyLine * config.monitoringMultiple);
}
