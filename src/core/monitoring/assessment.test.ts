import { describe, expect, it } from 'vitest';
import { assessHousehold } from './assessment';
import type { AssessHouseholdInput } from './assessment';
import type { Criterion, CriterionKey } from './criteria';
import { DEMO_YEAR_CONFIG_2020, YearConfigSchema } from './config';
import { HouseholdFactsSchema, MemberFactsSchema } from './facts';
import type { MemberFacts } from './facts';
import { formatNumber, formatPercent, formatYuan, round2 } from './format';
import { perCapitaNetIncome } from './income';
import { ASOF, FED_CLOTHED, SAFE_HOUSING, SAFE_WATER, econ, member, yearConfig } from './testFixtures';

function input(over: Partial<AssessHouseholdInput> = {}): AssessHouseholdInput {
  return {
    config: yearConfig(),
    asOf: ASOF,
    members: [member(), member({ relation: 'spouse' })],
    econ: econ(20000),
    housing: SAFE_HOUSING,
    water: SAFE_WATER,
    foodClothing: FED_CLOTHED,
    ...over,
  };
}
function get(key: CriterionKey, over: Partial<AssessHouseholdInput> = {}): Criterion {
  const c = assessHousehold(input(over)).find((x) => x.key === key);
  if (!c) throw new Error(`missing ${key}`);
  return c;
}

describe('config and schemas', () => {
  it('accepts the demo 2020 config and rejects a rigid rule without thresholds', () => {
    expect(YearConfigSchema.safeParse(DEMO_YEAR_CONFIG_2020).success).toBe(true);
    const bad = {
      ...DEMO_YEAR_CONFIG_2020,
      rigidExpenditure: {
        shareOfHouseholdNetIncome: null,
        absoluteAmount: null,
        requireAfterExpenditureBelowLine: true,
      },
    };
    expect(YearConfigSchema.safeParse(bad).success).toBe(false);
  });
  it('validates member and household facts', () => {
    expect(MemberFactsSchema.safeParse(member()).success).toBe(true);
    expect(MemberFactsSchema.safeParse(member({ birthDate: '2001-02-29' })).success).toBe(false);
    expect(MemberFactsSchema.safeParse({ ...member(), disability: { category: 8, grade: 1 } }).success).toBe(
      false,
    );
    const i = input();
    const facts = {
      asOf: i.asOf,
      members: i.members,
      econ: i.econ,
      housing: i.housing,
      water: i.water,
      foodClothing: i.foodClothing,
    };
    expect(HouseholdFactsSchema.safeParse(facts).success).toBe(true);
    expect(HouseholdFactsSchema.safeParse({ ...facts, members: [] }).success).toBe(false);
  });
});

describe('perCapitaNetIncome and formatting', () => {
  it('is (wages + business + property + transfers − costs) / size, 2 decimals', () => {
    const e = econ(0, {
      wages: 6000,
      netBusinessIncome: 5000,
      propertyIncome: 500,
      transferIncome: 1500,
      businessCosts: 3000,
    });
    expect(perCapitaNetIncome(e, 2)).toBe(5000);
    expect(perCapitaNetIncome(econ(10000), 3)).toBe(3333.33);
    expect(perCapitaNetIncome(econ(20000), 3)).toBe(6666.67);
    expect(() => perCapitaNetIncome(econ(1), 0)).toThrow();
  });
  it('formats with thousands separators', () => {
    expect(formatNumber(5230)).toBe('5,230');
    expect(formatYuan(1234567.5)).toBe('1,234,567.50');
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(-4000)).toBe('-4,000');
    expect(formatNumber(999)).toBe('999');
    expect(formatPercent(0.3)).toBe('30%');
    expect(formatPercent(0.375)).toBe('37.5%');
    expect(round2(1.005)).toBe(1.01);
  });
});

describe('income criterion (一达标)', () => {
  it.each([
    [7998, 'not_met', '人均纯收入 3,999 元 < 贫困线 4,000 元'],
    [8000, 'met', '人均纯收入 4,000 元 ≥ 贫困线 4,000 元'],
    [8002, 'met', '人均纯收入 4,001 元 ≥ 贫困线 4,000 元'],
    [10460, 'met', '人均纯收入 5,230 元 ≥ 贫困线 4,000 元'],
  ])('household net %d for 2 people → %s', (net, verdict, zh) => {
    const c = get('income', { econ: econ(net) });
    expect(c.verdict).toBe(verdict);
    expect(c.explanation.zh).toBe(zh);
    expect(c.labelZh).toBe('一达标（人均纯收入）');
  });
});

describe('food and clothing (两不愁)', () => {
  it('met, not met and unknown', () => {
    expect(get('food').verdict).toBe('met');
    const noMeat = get('food', { foodClothing: { ...FED_CLOTHED, meatAtLeastMonthly: false } });
    expect([noMeat.verdict, noMeat.explanation.zh]).toEqual(['not_met', '不能保证每月至少吃一次肉']);
    expect(get('food', { foodClothing: { ...FED_CLOTHED, enoughStapleFood: null } }).verdict).toBe('unknown');
    const noClothes = get('clothing', { foodClothing: { ...FED_CLOTHED, seasonalClothing: false } });
    expect([noClothes.verdict, noClothes.explanation.zh]).toEqual(['not_met', '缺少换季衣服']);
    expect(get('clothing', { foodClothing: { ...FED_CLOTHED, seasonalClothing: null } }).verdict).toBe(
      'unknown',
    );
  });
});

describe('compulsory education: age boundaries at asOf 2020-11-07', () => {
  const child = (birthDate: string, over: Partial<MemberFacts> = {}) =>
    member({ relation: 'son', birthDate, labour: 'none', schooling: 'droppedOut', ...over });
  it.each([
    ['2014-11-08', 5, 'met', '无需在校的 6–15 岁成员'],
    ['2014-11-07', 6, 'not_met', '1 名 6–15 岁成员（之子，6岁）辍学'],
    ['2004-11-08', 15, 'not_met', '1 名 6–15 岁成员（之子，15岁）辍学'],
    ['2004-11-07', 16, 'met', '无需在校的 6–15 岁成员'],
  ])('born %s (age %d) dropped out → %s', (birthDate, _age, verdict, zh) => {
    const c = get('compulsoryEducation', { members: [member(), child(birthDate)] });
    expect(c.verdict).toBe(verdict);
    expect(c.explanation.zh).toBe(zh);
  });
  it('in school → met; several out of school are listed by relation and age', () => {
    const ok = get('compulsoryEducation', {
      members: [member(), child('2010-01-01', { schooling: 'grade7' })],
    });
    expect([ok.verdict, ok.explanation.zh]).toEqual(['met', '1 名 6–15 岁成员均在校']);
    const two = get('compulsoryEducation', {
      members: [
        member(),
        child('2006-03-01'),
        child('2011-03-01', { relation: 'daughter', schooling: 'notInSchool' }),
      ],
    });
    expect(two.verdict).toBe('not_met');
    expect(two.value).toBe(2);
    expect(two.explanation.zh).toBe('2 名 6–15 岁成员未在校：（之子，14岁）辍学；（之女，9岁）未在校');
  });
  it('out of school for health reasons is exempt; unrecorded schooling is unknown', () => {
    const ex = get('compulsoryEducation', {
      members: [member(), child('2010-01-01', { outOfSchoolForHealth: true })],
    });
    expect([ex.verdict, ex.explanation.zh]).toEqual([
      'met',
      '无需在校的 6–15 岁成员；另有 1 名因身体原因不在校，不计入',
    ]);
    const unk = get('compulsoryEducation', { members: [member(), child('2010-01-01', { schooling: null })] });
    expect([unk.verdict, unk.explanation.zh]).toEqual(['unknown', '1 名 6–15 岁成员在校情况未登记']);
  });
  it('uses the configured age range', () => {
    const c = get('compulsoryEducation', {
      config: yearConfig({ compulsoryEducationAge: { min: 7, max: 15 } }),
      members: [member(), child('2014-11-07')],
    });
    expect(c.verdict).toBe('met');
  });
});

describe('medical insurance', () => {
  it('requires basic and critical-illness insurance for every member', () => {
    expect(get('medicalInsurance').explanation.zh).toBe('全部 2 名成员均参加基本医疗保险和大病保险');
    const c = get('medicalInsurance', {
      members: [
        member(),
        member({ relation: 'spouse', birthDate: '1975-01-01', criticalIllnessInsurance: false }),
      ],
    });
    expect([c.verdict, c.explanation.zh]).toEqual(['not_met', '1 名成员（配偶，45岁）未参加大病保险']);
    const u = get('medicalInsurance', { members: [member({ medicalInsurance: null })] });
    expect(u.verdict).toBe('unknown');
  });
  it('notes a missing family doctor without failing', () => {
    const c = get('medicalInsurance', { members: [member({ familyDoctor: false })] });
    expect(c.verdict).toBe('met');
    expect(c.explanation.zh).toContain('1 名成员未签约家庭医生（服务项，不影响判定）');
  });
});

describe('housing', () => {
  it.each([
    ['A', 'met', '住房安全等级 A 级（A、B 级为安全住房）'],
    ['B', 'met', '住房安全等级 B 级（A、B 级为安全住房）'],
    ['C', 'not_met', '住房为 C 级危房，需改造（A、B 级为安全住房）'],
    ['D', 'not_met', '住房为 D 级危房，需改造（A、B 级为安全住房）'],
  ] as const)('grade %s → %s', (grade, verdict, zh) => {
    const c = get('housing', { housing: { grade } });
    expect([c.verdict, c.explanation.zh]).toEqual([verdict, zh]);
  });
  it('ungraded → unknown', () => {
    expect(get('housing', { housing: { grade: null } }).verdict).toBe('unknown');
  });
});

describe('drinking water', () => {
  const w = (over: Partial<typeof SAFE_WATER>) => ({ water: { ...SAFE_WATER, ...over } });
  it.each([
    [34.9, false, 'not_met', '人均日供水 34.9 升 < 35 升'],
    [35, false, 'met', '人均日供水 35 升 ≥ 35 升'],
    [36, false, 'met', '人均日供水 36 升 ≥ 35 升'],
    [19, true, 'not_met', '人均日供水 19 升 < 20 升（缺水地区标准）'],
    [20, true, 'met', '人均日供水 20 升 ≥ 20 升（缺水地区标准）'],
    [21, true, 'met', '人均日供水 21 升 ≥ 20 升（缺水地区标准）'],
  ])('%d L (water-short %s) → %s', (litres, short, verdict, zh) => {
    const c = get('waterQuantity', w({ litresPerPersonDay: litres, waterShortArea: short }));
    expect([c.verdict, c.explanation.zh]).toEqual([verdict, zh]);
  });
  it.each([
    [19, 'met', '取水往返 19 分钟 ≤ 20 分钟'],
    [20, 'met', '取水往返 20 分钟 ≤ 20 分钟'],
    [21, 'not_met', '取水往返 21 分钟 > 20 分钟'],
  ])('fetching %d min → %s', (fetchMinutes, verdict, zh) => {
    const c = get('waterConvenience', w({ fetchMinutes }));
    expect([c.verdict, c.explanation.zh]).toEqual([verdict, zh]);
  });
  it.each([
    [35, 'met', '全年断水 35 天 ≤ 36 天'],
    [36, 'met', '全年断水 36 天 ≤ 36 天'],
    [37, 'not_met', '全年断水 37 天 > 36 天'],
  ])('supply cut %d days → %s', (supplyCutDaysPerYear, verdict, zh) => {
    const c = get('waterSupply', w({ supplyCutDaysPerYear }));
    expect([c.verdict, c.explanation.zh]).toEqual([verdict, zh]);
  });
  it('quality and unverified facts', () => {
    expect(get('waterQuality', w({ qualityOk: false })).explanation.zh).toBe('水质不达标');
    expect(get('waterQuality', w({ qualityOk: null })).verdict).toBe('unknown');
    expect(get('waterQuantity', w({ litresPerPersonDay: null })).verdict).toBe('unknown');
    expect(get('waterSupply', w({ supplyCutDaysPerYear: null })).verdict).toBe('unknown');
  });
});

describe('assessHousehold as a whole', () => {
  it('returns the ten criteria in order, all met for a secure household', () => {
    const all = assessHousehold(input());
    expect(all.map((c) => c.key)).toEqual([
      'income',
      'food',
      'clothing',
      'compulsoryEducation',
      'medicalInsurance',
      'housing',
      'waterQuantity',
      'waterQuality',
      'waterConvenience',
      'waterSupply',
    ]);
    expect(all.every((c) => c.verdict === 'met')).toBe(true);
  });
  it('never leaks member keys into explanations or inputs', () => {
    const members = [
      member({ key: 'SECRET-KEY-1' }),
      member({ key: 'SECRET-KEY-2', relation: 'son', birthDate: '2010-01-01', schooling: 'droppedOut' }),
    ];
    expect(JSON.stringify(assessHousehold(input({ members })))).not.toContain('SECRET');
  });
  it('rejects an empty household', () => {
    expect(() => assessHousehold(input({ members: [] }))).toThrow();
  });
});
