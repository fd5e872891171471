import { describe, expect, it } from 'vitest';
import { DEMO_YEAR_CONFIG_2020, YearConfigSchema, type YearConfig } from '../../../core/monitoring/config';
import { issuesToProblems, type IssueLike } from '../../ui/formErrors';
import {
  changedPaths,
  fieldForPath,
  fromFormValues,
  percentIssues,
  templateFor,
  toFormValues,
} from './configForm';
import {
  criterionBreakdown,
  describeThresholds,
  householdsLink,
  initialYear,
  monitoringLineText,
  ruleShortText,
  ruleText,
  yearChoices,
  yearFromUrl,
} from './thresholds';

const text = (c: YearConfig, key: string) => describeThresholds(c).find((l) => l.key === key)!.text;

describe('describeThresholds', () => {
  it('says the monitoring line as multiple × poverty line = line', () => {
    expect(text(DEMO_YEAR_CONFIG_2020, 'monitoringLine').zh).toBe('1.5 × 4,000 = 6,000 元/人·年');
    expect(text(DEMO_YEAR_CONFIG_2020, 'povertyLine').en).toBe('4,000 yuan per person per year');
    expect(monitoringLineText(3750, 1.6).zh).toBe('1.6 × 3,750 = 6,000 元/人·年');
    expect(monitoringLineText(4123, 1.55).en).toBe('1.55 × 4,123 = 6,390.65 yuan per person per year');
  });

  it('words the rigid-expenditure rule from the share, the amount and the after-expenditure check', () => {
    expect(text(DEMO_YEAR_CONFIG_2020, 'rigidExpenditure').zh).toBe(
      '医疗、教育、灾害等刚性支出超过家庭纯收入的 50% 或超过 20,000 元，且支出后人均纯收入低于监测线 6,000 元',
    );
    const amountOnly: YearConfig = {
      ...DEMO_YEAR_CONFIG_2020,
      rigidExpenditure: {
        shareOfHouseholdNetIncome: null,
        absoluteAmount: 15000,
        requireAfterExpenditureBelowLine: false,
      },
    };
    expect(text(amountOnly, 'rigidExpenditure').zh).toBe('医疗、教育、灾害等刚性支出超过 15,000 元');
    expect(text(amountOnly, 'rigidExpenditure').en).toBe(
      'Medical, schooling, disaster and other rigid costs more than 15,000 yuan',
    );
  });

  it('words the income-drop rule with or without the monitoring-line condition', () => {
    expect(text(DEMO_YEAR_CONFIG_2020, 'incomeDrop').zh).toBe(
      '人均纯收入比上年减少超过 30%，且低于监测线 6,000 元',
    );
    const plain = {
      ...DEMO_YEAR_CONFIG_2020,
      incomeDrop: { dropShare: 0.25, requireBelowMonitoringLine: false },
    };
    expect(text(plain, 'incomeDrop').zh).toBe('人均纯收入比上年减少超过 25%');
  });

  it('follows a raised multiple into every sentence that names the line', () => {
    const raised = { ...DEMO_YEAR_CONFIG_2020, monitoringMultiple: 2 };
    expect(text(raised, 'monitoringLine').zh).toBe('2 × 4,000 = 8,000 元/人·年');
    expect(text(raised, 'incomeDrop').zh).toContain('监测线 8,000 元');
    expect(text(raised, 'rigidExpenditure').en).toContain('the monitoring line (8,000 yuan)');
  });
});

describe('rules in words', () => {
  it('names a rule, and a criterion that is not secured', () => {
    expect(ruleText('incomeDrop')).toEqual({ zh: '收入大幅缩减', en: 'Sharp income drop' });
    expect(ruleText('criterionNotMet:housing')).toEqual({
      zh: '住房安全有保障未保障',
      en: 'Not secured: Safe housing',
    });
    expect(ruleText('somethingNew').zh).toBe('somethingNew');
    expect(ruleShortText('criterionNotMet')).toEqual({ zh: '两不愁三保障等', en: 'Basic needs' });
  });

  it('lists the per-criterion counts of a town, largest first', () => {
    expect(
      criterionBreakdown({
        incomeDrop: 4,
        criterionNotMet: 5,
        'criterionNotMet:water': 1,
        'criterionNotMet:housing': 3,
        'criterionNotMet:food': 1,
      }),
    ).toEqual([
      { rule: 'criterionNotMet:housing', count: 3 },
      { rule: 'criterionNotMet:food', count: 1 },
      { rule: 'criterionNotMet:water', count: 1 },
    ]);
  });
});

describe('links and years', () => {
  it('builds the pre-filtered household list address, leaving out what is not set', () => {
    expect(
      householdsLink({ year: 2020, flagged: true, regionCode: '349901100000', flagRule: 'incomeDrop' }),
    ).toBe('/households?year=2020&flagged=true&regionCode=349901100000&flagRule=incomeDrop');
    expect(householdsLink({ deepGroup: 'seriouslyIll', withoutMeasure: true })).toBe(
      '/households?deepGroup=seriouslyIll&withoutMeasure=true',
    );
    expect(householdsLink({ flagRule: 'criterionNotMet:housing' })).toBe(
      '/households?flagRule=criterionNotMet%3Ahousing',
    );
    expect(householdsLink({ flagged: false, withoutMeasure: false })).toBe('/households');
  });

  it('offers ten years back to next year plus configured years outside them', () => {
    const years = yearChoices(2026, [2012, 2020]);
    expect(years[0]).toBe(2027);
    expect(years).toContain(2016);
    expect(years).not.toContain(2015);
    expect(years.at(-1)).toBe(2012);
  });

  it('starts at the address year, else the latest configured, else this year', () => {
    expect(initialYear('2019', [2020], 2026)).toBe(2019);
    expect(initialYear('abc', [2019, 2020], 2026)).toBe(2020);
    expect(initialYear('1850', [], 2026)).toBe(2026);
    expect(initialYear(null, [], 2026)).toBe(2026);
    expect(yearFromUrl('')).toBeNull();
    expect(yearFromUrl('2020.5')).toBeNull();
    expect(yearFromUrl('2100')).toBe(2100);
  });
});

describe('the year-configuration form', () => {
  it('shows shares as percentages and gives the schema back the same configuration', () => {
    const values = toFormValues(DEMO_YEAR_CONFIG_2020);
    expect(values.rigidExpenditure.shareOfHouseholdNetIncome).toBe(50);
    expect(values.incomeDrop.dropShare).toBe(30);
    const parsed = YearConfigSchema.parse(fromFormValues(values, 2020));
    expect(parsed).toEqual(DEMO_YEAR_CONFIG_2020);
  });

  it('keeps odd percentages exact (33.3 % → 0.333, 0.07 → 7 %)', () => {
    const values = toFormValues({
      ...DEMO_YEAR_CONFIG_2020,
      incomeDrop: { dropShare: 0.07, requireBelowMonitoringLine: true },
    });
    expect(values.incomeDrop.dropShare).toBe(7);
    values.incomeDrop.dropShare = 33.3;
    const body = fromFormValues(values, 2020) as YearConfig;
    expect(body.incomeDrop.dropShare).toBe(0.333);
  });

  it('puts the schema problems on the form fields, in percent where the form speaks percent', () => {
    const values = toFormValues(DEMO_YEAR_CONFIG_2020);
    values.povertyLine = null;
    values.incomeDrop.dropShare = 120;
    values.rigidExpenditure.shareOfHouseholdNetIncome = null;
    values.rigidExpenditure.absoluteAmount = null;
    values.compulsoryEducationAge = { min: 16, max: 6 };
    const parsed = YearConfigSchema.safeParse(fromFormValues(values, 2020));
    expect(parsed.success).toBe(false);
    const problems = issuesToProblems(percentIssues(parsed.error!.issues as unknown as IssueLike[]), 'zh');
    const located = problems.map((p) => ({ field: fieldForPath(p.name)?.join('.'), message: p.message }));
    expect(located).toEqual(
      expect.arrayContaining([
        { field: 'povertyLine', message: '必填' },
        { field: 'incomeDrop.dropShare', message: '不能大于 100' },
        {
          field: 'rigidExpenditure.shareOfHouseholdNetIncome',
          message: '刚性支出规则至少需要设置比例或金额之一',
        },
        { field: 'compulsoryEducationAge.min', message: '义务教育年龄下限不能大于上限' },
      ]),
    );
    expect(located).toHaveLength(4);
  });

  it('names the fields an edit touched, so their old messages can go', () => {
    expect(changedPaths({ water: { maxFetchMinutes: 30 }, povertyLine: null })).toEqual([
      ['water', 'maxFetchMinutes'],
      ['povertyLine'],
    ]);
  });

  it('has no form field for the year (a year mismatch is a general message)', () => {
    expect(fieldForPath(['year'])).toBeNull();
    expect(fieldForPath(['water', 'maxFetchMinutes'])).toEqual(['water', 'maxFetchMinutes']);
  });

  it("starts a new year from the nearest earlier year's thresholds", () => {
    const configs = new Map<number, YearConfig>([
      [2019, { ...DEMO_YEAR_CONFIG_2020, year: 2019, povertyLine: 3750 }],
      [2020, DEMO_YEAR_CONFIG_2020],
    ]);
    expect(templateFor(2021, configs)).toEqual({ ...DEMO_YEAR_CONFIG_2020, year: 2021 });
    expect(templateFor(2018, configs)?.povertyLine).toBe(3750);
    expect(templateFor(2018, configs)?.year).toBe(2018);
    expect(templateFor(2021, new Map())).toBeNull();
  });
});
