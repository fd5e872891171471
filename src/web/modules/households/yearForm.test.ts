import { describe, expect, it } from 'vitest';
import { DEMO_YEAR_CONFIG_2020 } from '../../../core/monitoring/config';
import {
  buildYearInput,
  defaultYear,
  emptyYearValues,
  previewYear,
  yearChoices,
  type YearFormValues,
} from './yearForm';

const withIncome = (wages: number, costs = 0): YearFormValues => {
  const v = emptyYearValues();
  v.econ.wages = wages;
  v.econ.businessCosts = costs;
  return v;
};

describe('buildYearInput', () => {
  it('reads blank money as 0 and keeps unverified facts as null', () => {
    const r = buildYearInput(withIncome(12000));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body.econ).toEqual({
      wages: 12000,
      netBusinessIncome: 0,
      propertyIncome: 0,
      transferIncome: 0,
      businessCosts: 0,
      rigidExpenditure: { medical: 0, education: 0, disaster: 0, other: 0 },
    });
    expect(r.body.water.qualityOk).toBeNull();
    expect(r.body.housing.grade).toBeNull();
  });

  it('refuses a negative amount on its field path (the server schema)', () => {
    const v = withIncome(1000);
    v.econ.rigidExpenditure.medical = -5;
    const r = buildYearInput(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path.join('.'))).toEqual(['econ.rigidExpenditure.medical']);
  });
});

describe('previewYear', () => {
  it('gives the per-capita net income and whether it is below the monitoring line', () => {
    // 3 people, 20,000 − 5,000 = 15,000 → 5,000 per head < 1.5 × 4,000
    expect(previewYear(withIncome(20000, 5000), 3, DEMO_YEAR_CONFIG_2020)).toEqual({
      perCapita: 5000,
      rigidTotal: 0,
      monitoringLine: 6000,
      belowLine: true,
    });
    expect(previewYear(withIncome(30000), 3, DEMO_YEAR_CONFIG_2020).belowLine).toBe(false);
  });

  it('says nothing about the line when the year has no thresholds', () => {
    expect(previewYear(withIncome(3000), 1, null)).toMatchObject({ perCapita: 3000, belowLine: null });
  });
});

describe('year choices', () => {
  it('offers years with data and configured years, newest first, once each', () => {
    expect(yearChoices([2019, 2020], [2020, 2021])).toEqual([2021, 2020, 2019]);
  });
  it('opens on the latest recorded year, else the latest configured one', () => {
    expect(defaultYear([2019, 2020], [2021])).toBe(2020);
    expect(defaultYear([], [2020, 2021])).toBe(2021);
    expect(defaultYear([], [])).toBeNull();
  });
});
