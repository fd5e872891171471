import { describe, expect, it } from 'vitest';
import { assessHousehold } from './assessment';
import type { Criterion } from './criteria';
import { MONITORING_TYPES, RISK_CAUSES, ASSISTANCE_MEASURE_TYPES, findRiskCause } from './codes';
import type { YearConfig } from './config';
import type { HouseholdEconomics, MemberFacts } from './facts';
import {
  MONITORING_RULE_LABELS,
  evaluateMonitoring,
  evaluateMonitoringDetailed,
  flagRuleText,
  flagTitle,
} from './rules';
import type { EvaluateMonitoringInput, MonitoringFlag } from './rules';
import { ASOF, FED_CLOTHED, SAFE_HOUSING, SAFE_WATER, econ, member, yearConfig } from './testFixtures';

const LINE = '监测线 6,000 元 (= 1.5 × 4,000)';

function run(
  members: MemberFacts[],
  e: HouseholdEconomics,
  over: Partial<EvaluateMonitoringInput> & { assessment?: Criterion[] } = {},
): MonitoringFlag[] {
  const config = over.config ?? yearConfig();
  const assessment =
    over.assessment ??
    assessHousehold({
      config,
      asOf: ASOF,
      members,
      econ: e,
      housing: SAFE_HOUSING,
      water: SAFE_WATER,
      foodClothing: FED_CLOTHED,
    });
  return evaluateMonitoring({ config, members, econ: e, ...over, assessment });
}
const rules = (flags: MonitoringFlag[]) => flags.map((f) => f.rule);
const one = (flags: MonitoringFlag[], rule: string) => {
  const f = flags.find((x) => x.rule === rule);
  if (!f) throw new Error(`no ${rule} flag in ${rules(flags).join(',')}`);
  return f;
};
const two = [member(), member({ relation: 'spouse' })];

describe('income below the monitoring line', () => {
  it('just below → flagged with the explained comparison', () => {
    const f = one(run(two, econ(11999.98)), 'incomeBelowMonitoringLine');
    expect(f.explanation.zh).toBe(`人均纯收入 5,999.99 元 < ${LINE}`);
    expect(f.suggestedType).toBe('marginal');
    expect(f.suggestedTypeZh).toBe('边缘易致贫户');
    expect(f.threshold).toEqual({ monitoringLine: 6000, povertyLine: 4000, monitoringMultiple: 1.5 });
    expect(f.inputs).toEqual({ perCapitaNetIncome: 5999.99 });
  });
  it('the brief example and a formerly poor household', () => {
    const f = one(run(two, econ(10460), { formerlyPoor: true }), 'incomeBelowMonitoringLine');
    expect(f.explanation.zh).toBe(`人均纯收入 5,230 元 < ${LINE}`);
    expect([f.suggestedType, f.suggestedTypeZh]).toEqual(['unstable', '脱贫不稳定户']);
  });
  it('below the poverty line says so', () => {
    const f = one(run(two, econ(7600)), 'incomeBelowMonitoringLine');
    expect(f.explanation.zh).toBe(`人均纯收入 3,800 元 < ${LINE}，且低于贫困线 4,000 元`);
  });
  it('equal or just above → not flagged', () => {
    expect(rules(run(two, econ(12000)))).toEqual([]);
    expect(rules(run(two, econ(12000.02)))).toEqual([]);
  });
});

describe('rigid expenditure → 突发严重困难户', () => {
  const shareOnly = yearConfig({
    rigidExpenditure: {
      shareOfHouseholdNetIncome: 0.5,
      absoluteAmount: null,
      requireAfterExpenditureBelowLine: true,
    },
  });
  const absOnly = yearConfig({
    rigidExpenditure: {
      shareOfHouseholdNetIncome: null,
      absoluteAmount: 20000,
      requireAfterExpenditureBelowLine: true,
    },
  });
  const rigid = (net: number, r: Partial<HouseholdEconomics['rigidExpenditure']>) =>
    econ(net, { rigidExpenditure: { medical: 0, education: 0, disaster: 0, other: 0, ...r } });

  it('share of household income: equal → no, just above → yes', () => {
    expect(rules(run(two, rigid(20000, { medical: 9999.99 }), { config: shareOnly }))).toEqual([]);
    expect(rules(run(two, rigid(20000, { medical: 10000 }), { config: shareOnly }))).toEqual([]);
    const f = one(run(two, rigid(20000, { medical: 10000.01 }), { config: shareOnly }), 'rigidExpenditure');
    expect([f.suggestedType, f.suggestedTypeZh]).toEqual(['sudden', '突发严重困难户']);
    expect(f.explanation.zh).toBe(
      `刚性支出 10,000.01 元（医疗 10,000.01 元）> 家庭纯收入 20,000 元的 50%（10,000 元）；支出后人均纯收入 5,000 元 < ${LINE}`,
    );
    expect(f.threshold).toEqual({ monitoringLine: 6000, shareOfHouseholdNetIncome: 0.5, shareAmount: 10000 });
  });

  it('absolute amount: equal → no, just above → yes', () => {
    const three = [...two, member({ relation: 'son' })];
    expect(
      rules(run(three, rigid(30000, { medical: 15000, education: 4999.99 }), { config: absOnly })),
    ).toEqual([]);
    expect(rules(run(three, rigid(30000, { medical: 15000, education: 5000 }), { config: absOnly }))).toEqual(
      [],
    );
    const f = one(
      run(three, rigid(30000, { medical: 15000, education: 5000.01 }), { config: absOnly }),
      'rigidExpenditure',
    );
    expect(f.explanation.zh).toBe(
      `刚性支出 20,000.01 元（医疗 15,000 元、教育 5,000.01 元）> 20,000 元；支出后人均纯收入 3,333.33 元 < ${LINE}`,
    );
  });

  it('after-expenditure income must fall below the line: equal → no, just below → yes', () => {
    expect(rules(run(two, rigid(36000, { disaster: 24000 }), { config: shareOnly }))).toEqual([]);
    const f = one(run(two, rigid(36000, { disaster: 24000.02 }), { config: shareOnly }), 'rigidExpenditure');
    expect(f.inputs.perCapitaAfterExpenditure).toBe(5999.99);
    const lenient = yearConfig({
      rigidExpenditure: {
        shareOfHouseholdNetIncome: 0.5,
        absoluteAmount: null,
        requireAfterExpenditureBelowLine: false,
      },
    });
    const g = one(run(two, rigid(36000, { disaster: 24000 }), { config: lenient }), 'rigidExpenditure');
    expect(g.explanation.zh).toBe(
      '刚性支出 24,000 元（灾害 24,000 元）> 家庭纯收入 36,000 元的 50%（18,000 元）',
    );
  });

  it('both thresholds exceeded are both explained', () => {
    const f = one(run(two, rigid(30000, { medical: 25000 })), 'rigidExpenditure');
    expect(f.explanation.zh).toBe(
      `刚性支出 25,000 元（医疗 25,000 元）> 家庭纯收入 30,000 元的 50%（15,000 元），且 > 20,000 元；支出后人均纯收入 2,500 元 < ${LINE}`,
    );
  });
});

describe('income drop → 突发严重困难户', () => {
  it('drop exactly 30% → no; just above → yes with explanation', () => {
    expect(rules(run(two, econ(11200), { previousYearPerCapita: 8000 }))).toEqual([
      'incomeBelowMonitoringLine',
    ]);
    const f = one(run(two, econ(11198), { previousYearPerCapita: 8000 }), 'incomeDrop');
    expect(f.suggestedType).toBe('sudden');
    expect(f.explanation.zh).toBe(
      `人均纯收入由 8,000 元降至 5,599 元，减少 2,401 元（降幅 30%）> 上年的 30%（2,400 元），且低于${LINE}`,
    );
    expect(f.threshold).toEqual({ dropShare: 0.3, monitoringLine: 6000 });
  });
  it('a large drop that stays at or above the line is not flagged unless configured', () => {
    expect(rules(run(two, econ(13000), { previousYearPerCapita: 10000 }))).toEqual([]);
    const cfg: YearConfig = yearConfig({ incomeDrop: { dropShare: 0.3, requireBelowMonitoringLine: false } });
    const f = one(run(two, econ(13000), { previousYearPerCapita: 10000, config: cfg }), 'incomeDrop');
    expect(f.explanation.zh).toBe(
      '人均纯收入由 10,000 元降至 6,500 元，减少 3,500 元（降幅 35%）> 上年的 30%（3,000 元）',
    );
  });
  it('without last year the rule is reported as not evaluated', () => {
    const config = yearConfig();
    const d = evaluateMonitoringDetailed({ config, members: two, econ: econ(20000), assessment: [] });
    expect(d.flags).toEqual([]);
    expect(d.notEvaluated.map((n) => n.rule)).toEqual(['incomeDrop']);
    expect(d.monitoringLine).toBe(6000);
    expect(d.perCapitaNetIncome).toBe(10000);
  });
});

describe('unmet 两不愁三保障 / water criteria', () => {
  const assess = (over: { housing?: typeof SAFE_HOUSING; water?: typeof SAFE_WATER }, members = two) =>
    assessHousehold({
      config: yearConfig(),
      asOf: ASOF,
      members,
      econ: econ(20000),
      housing: over.housing ?? SAFE_HOUSING,
      water: over.water ?? SAFE_WATER,
      foodClothing: FED_CLOTHED,
    });
  it('each unmet criterion becomes one flag carrying its explanation', () => {
    const assessment = assess({ housing: { grade: 'C' }, water: { ...SAFE_WATER, fetchMinutes: 25 } });
    const flags = run(two, econ(20000), { assessment, formerlyPoor: true });
    expect(flags.map((f) => f.criterionKey)).toEqual(['housing', 'waterConvenience']);
    const h = flags[0];
    expect(h?.labelZh).toBe('住房安全有保障未达标');
    expect(h?.explanation.zh).toBe('住房安全有保障未达标：住房为 C 级危房，需改造（A、B 级为安全住房）');
    expect(h?.suggestedType).toBe('unstable');
    expect(flags[1]?.threshold).toEqual({ threshold: 20 });
  });
  it('titles a failed criterion by the criterion in zh and en, as the engine titles the flag', () => {
    const [f] = run(two, econ(20000), { assessment: assess({ housing: { grade: 'D' } }) });
    expect(flagTitle(f!.rule, f!.criterionKey)).toEqual({ zh: f!.labelZh, en: 'Safe housing not met' });
    expect(f!.explanation.en).toMatch(/^Safe housing not met: /);
  });
  it('unknown criteria are listed as not evaluated, not as flags', () => {
    const assessment = assess({ housing: { grade: null } });
    const d = evaluateMonitoringDetailed({
      config: yearConfig(),
      members: two,
      econ: econ(20000),
      previousYearPerCapita: 10000,
      assessment,
    });
    expect(d.flags).toEqual([]);
    expect(d.notEvaluated).toEqual([
      {
        rule: 'criterionNotMet',
        criterionKey: 'housing',
        reason: { zh: '住房安全有保障：住房安全等级未鉴定', en: 'Safe housing: House not yet graded' },
      },
    ]);
  });
});

describe('whole household without labour capacity', () => {
  it('all lost/none → flagged; one weak member → not', () => {
    const old = [
      member({ labour: 'lost', birthDate: '1940-01-01' }),
      member({ relation: 'spouse', labour: 'none' }),
    ];
    const f = one(run(old, econ(20000)), 'noLabourCapacity');
    expect(f.explanation.zh).toBe('整户无劳动能力：2 名成员均为丧失劳动力或无劳动力');
    expect(f.labelZh).toBe('整户无劳动能力');
    const weak = [member({ labour: 'lost' }), member({ relation: 'spouse', labour: 'weak' })];
    expect(rules(run(weak, econ(20000)))).toEqual([]);
  });
});

describe('code lists', () => {
  it('hold the export codes incl. 08 因疫情 for 2020 (R9)', () => {
    expect(MONITORING_TYPES.map((t) => t.zh)).toEqual(['脱贫不稳定户', '边缘易致贫户', '突发严重困难户']);
    expect(RISK_CAUSES.map((c) => c.code)).toEqual([
      '01',
      '0201',
      '0202',
      '0203',
      '0204',
      '0205',
      '0206',
      '0299',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '99',
    ]);
    expect(findRiskCause('08')).toMatchObject({ zh: '因疫情', since: 2020 });
    expect(findRiskCause('0203')?.group).toBe('02');
    expect(findRiskCause('77', [{ code: '77', zh: '自定义', en: 'custom' }])?.zh).toBe('自定义');
    expect(new Set(ASSISTANCE_MEASURE_TYPES.map((t) => t.group))).toEqual(
      new Set(['living', 'security', 'finance', 'production', 'employment', 'social']),
    );
  });
});

describe('rule and flag titles in both languages', () => {
  it('titles every rule in English, and shows an unknown code as it is', () => {
    for (const rule of Object.keys(MONITORING_RULE_LABELS)) {
      const t = flagTitle(rule);
      expect(t.zh).toBe(MONITORING_RULE_LABELS[rule as keyof typeof MONITORING_RULE_LABELS]);
      expect(t.en).toMatch(/^[A-Z][a-z ]+/);
    }
    expect(flagTitle('somethingNew')).toEqual({ zh: 'somethingNew', en: 'somethingNew' });
    expect(flagRuleText('criterionNotMet:waterQuality')).toEqual({
      zh: '饮水安全（水质）未保障',
      en: 'Not secured: Safe water (quality)',
    });
    expect(flagRuleText('incomeDrop')).toEqual({ zh: '收入大幅缩减', en: 'Sharp income drop' });
  });
});
