import type { LocalizedText } from '../identity/result';
import { criterionText, type Criterion, type CriterionKey, type InputValue } from './criteria';
import { MONITORING_TYPE_LABELS } from './codes';
import type { MonitoringTypeCode } from './codes';
import type { YearConfig } from './config';
import { NO_LABOUR } from './facts';
import type { HouseholdEconomics, MemberFacts } from './facts';
import { fen, formatNumber, formatPercent, formatYuan, round2, zhLabels } from './format';
import { householdNetIncome, monitoringLineOf, perCapitaNetIncome, rigidExpenditureTotal } from './income';

/** The explainable monitoring rules (R10 dynamic monitoring). */
export type MonitoringRule =
  'incomeBelowMonitoringLine' | 'rigidExpenditure' | 'incomeDrop' | 'criterionNotMet' | 'noLabourCapacity';

/** The rules' names (zh as the ledgers word them, en for English screens). */
export const MONITORING_RULE_TEXT: Readonly<Record<MonitoringRule, LocalizedText>> = {
  incomeBelowMonitoringLine: { zh: '人均纯收入低于监测线', en: 'Income below the monitoring line' },
  rigidExpenditure: { zh: '刚性支出较大', en: 'Large rigid expenditure' },
  incomeDrop: { zh: '收入大幅缩减', en: 'Sharp income drop' },
  criterionNotMet: { zh: '“两不愁三保障”或饮水安全未保障', en: 'Basic needs or safe water not secured' },
  noLabourCapacity: { zh: '整户无劳动能力', en: 'No one able to work' },
};

/** zh labels of the rules (the `labelZh` of stored flags). */
export const MONITORING_RULE_LABELS: Readonly<Record<MonitoringRule, string>> =
  zhLabels(MONITORING_RULE_TEXT);

/**
 * A flag's title: the rule's name, or for a failed criterion the criterion "未达标". Stored flags carry
 * `rule` and `criterionKey`, so a screen can title them in either language; unknown codes show as they are.
 */
export function flagTitle(rule: string, criterionKey?: string | null): LocalizedText {
  if (rule === 'criterionNotMet' && criterionKey) {
    const c = criterionText(criterionKey);
    return { zh: `${c.zh}未达标`, en: `${c.en} not met` };
  }
  return MONITORING_RULE_TEXT[rule as MonitoringRule] ?? { zh: rule, en: rule };
}

/**
 * A watch-list rule key in words (`criterionNotMet:housing` names the criterion not secured), as the
 * household list, its filters and the monitoring page show it.
 */
export function flagRuleText(ruleKey: string): LocalizedText {
  const [name = ruleKey, criterion] = ruleKey.split(':');
  if (name === 'criterionNotMet' && criterion) {
    const c = criterionText(criterion);
    return { zh: `${c.zh}未保障`, en: `Not secured: ${c.en}` };
  }
  return MONITORING_RULE_TEXT[name as MonitoringRule] ?? { zh: ruleKey, en: ruleKey };
}

/** One triggered rule: the suggested monitoring type, the numbers compared and the sentence a clerk reads. */
export interface MonitoringFlag {
  rule: MonitoringRule;
  labelZh: string;
  suggestedType: MonitoringTypeCode;
  suggestedTypeZh: string;
  /** For rule 'criterionNotMet': which criterion failed. */
  criterionKey?: CriterionKey;
  inputs: Record<string, InputValue>;
  threshold: Record<string, number>;
  explanation: LocalizedText;
}

/** A rule that could not be evaluated because a fact is missing (shown so nothing is silently skipped). */
export interface NotEvaluated {
  rule: MonitoringRule;
  criterionKey?: CriterionKey;
  reason: LocalizedText;
}

/** Input of evaluateMonitoring. */
export interface EvaluateMonitoringInput {
  config: YearConfig;
  members: readonly MemberFacts[];
  econ: HouseholdEconomics;
  previousYearPerCapita?: number | null;
  assessment: readonly Criterion[];
  /** A household that has exited poverty (脱贫户) → 脱贫不稳定户; otherwise 边缘易致贫户. */
  formerlyPoor?: boolean;
}

/** Full result including the monitoring line and the rules that lacked data. */
export interface MonitoringEvaluation {
  perCapitaNetIncome: number;
  monitoringLine: number;
  flags: MonitoringFlag[];
  notEvaluated: NotEvaluated[];
}

/** True when every member is 丧失劳动力 or 无劳动力 (整户无劳动能力, derived from members). */
export function hasNoLabourCapacity(members: readonly MemberFacts[]): boolean {
  return members.length > 0 && members.every((m) => NO_LABOUR.includes(m.labour));
}

/** Builds a flag with labels filled in. */
function flag(
  rule: MonitoringRule,
  type: MonitoringTypeCode,
  inputs: Record<string, InputValue>,
  threshold: Record<string, number>,
  zh: string,
  en: string,
): MonitoringFlag {
  return {
    rule,
    labelZh: MONITORING_RULE_LABELS[rule],
    suggestedType: type,
    suggestedTypeZh: MONITORING_TYPE_LABELS[type],
    inputs,
    threshold,
    explanation: { zh, en },
  };
}

const RIGID_PARTS = [
  ['medical', '医疗', 'medical'],
  ['education', '教育', 'education'],
  ['disaster', '灾害', 'disaster'],
  ['other', '其他', 'other'],
] as const;

/** 突发严重困难: rigid expenditure above the share/amount, and (if configured) leaves income below the line. */
function rigidRule(
  input: EvaluateMonitoringInput,
  line: number,
  lineText: { zh: string; en: string },
): MonitoringFlag | null {
  const rule = input.config.rigidExpenditure;
  const total = rigidExpenditureTotal(input.econ);
  if (fen(total) <= 0) return null;
  const net = householdNetIncome(input.econ);
  const shareAmount =
    rule.shareOfHouseholdNetIncome === null ? null : round2(net * rule.shareOfHouseholdNetIncome);
  const overShare = shareAmount !== null && fen(total) > fen(shareAmount);
  const overAbs = rule.absoluteAmount !== null && fen(total) > fen(rule.absoluteAmount);
  const after = round2((net - total) / input.members.length);
  const afterBelow = fen(after) < fen(line);
  if (!(overShare || overAbs) || (rule.requireAfterExpenditureBelowLine && !afterBelow)) return null;

  const parts = RIGID_PARTS.filter(([k]) => input.econ.rigidExpenditure[k] > 0);
  const partsZh = parts.map(([k, zh]) => `${zh} ${formatYuan(input.econ.rigidExpenditure[k])} 元`).join('、');
  const partsEn = parts.map(([k, , en]) => `${en} ${formatYuan(input.econ.rigidExpenditure[k])}`).join(', ');
  const why: { zh: string; en: string }[] = [];
  if (overShare && rule.shareOfHouseholdNetIncome !== null && shareAmount !== null) {
    const pct = formatPercent(rule.shareOfHouseholdNetIncome);
    why.push({
      zh: `> 家庭纯收入 ${formatYuan(net)} 元的 ${pct}（${formatYuan(shareAmount)} 元）`,
      en: `> ${pct} of household net income ${formatYuan(net)} yuan (${formatYuan(shareAmount)} yuan)`,
    });
  }
  if (overAbs && rule.absoluteAmount !== null) {
    why.push({
      zh: `> ${formatYuan(rule.absoluteAmount)} 元`,
      en: `> ${formatYuan(rule.absoluteAmount)} yuan`,
    });
  }
  const afterZh = rule.requireAfterExpenditureBelowLine
    ? `；支出后人均纯收入 ${formatYuan(after)} 元 < ${lineText.zh}`
    : '';
  const afterEn = rule.requireAfterExpenditureBelowLine
    ? `; per-capita income after it ${formatYuan(after)} yuan < ${lineText.en}`
    : '';
  const threshold: Record<string, number> = { monitoringLine: line };
  if (shareAmount !== null && rule.shareOfHouseholdNetIncome !== null) {
    threshold.shareOfHouseholdNetIncome = rule.shareOfHouseholdNetIncome;
    threshold.shareAmount = shareAmount;
  }
  if (rule.absoluteAmount !== null) threshold.absoluteAmount = rule.absoluteAmount;
  return flag(
    'rigidExpenditure',
    'sudden',
    { rigidExpenditureTotal: total, householdNetIncome: net, perCapitaAfterExpenditure: after },
    threshold,
    `刚性支出 ${formatYuan(total)} 元（${partsZh}）${why.map((w) => w.zh).join('，且 ')}${afterZh}`,
    `Rigid expenditure ${formatYuan(total)} yuan (${partsEn}) ${why.map((w) => w.en).join(' and ')}${afterEn}`,
  );
}

/**
 * Applies the explainable monitoring rules to one household (R10): income below the monitoring line, large
 * rigid expenditure, sharp income drop, an unmet 两不愁三保障/water criterion, no labour capacity.
 */
export function evaluateMonitoringDetailed(input: EvaluateMonitoringInput): MonitoringEvaluation {
  if (input.members.length === 0) throw new RangeError('evaluateMonitoring: 家庭成员不能为空');
  const cfg = input.config;
  const line = monitoringLineOf(cfg);
  const pc = perCapitaNetIncome(input.econ, input.members.length);
  const lineText = {
    zh: `监测线 ${formatYuan(line)} 元 (= ${formatNumber(cfg.monitoringMultiple)} × ${formatYuan(cfg.povertyLine)})`,
    en: `monitoring line ${formatYuan(line)} yuan (= ${formatNumber(cfg.monitoringMultiple)} × ${formatYuan(cfg.povertyLine)})`,
  };
  const lineThreshold = {
    monitoringLine: line,
    povertyLine: cfg.povertyLine,
    monitoringMultiple: cfg.monitoringMultiple,
  };
  const riskType: MonitoringTypeCode = input.formerlyPoor === true ? 'unstable' : 'marginal';
  const flags: MonitoringFlag[] = [];
  const notEvaluated: NotEvaluated[] = [];

  if (fen(pc) < fen(line)) {
    const belowPoverty = fen(pc) < fen(cfg.povertyLine);
    flags.push(
      flag(
        'incomeBelowMonitoringLine',
        riskType,
        { perCapitaNetIncome: pc },
        lineThreshold,
        `人均纯收入 ${formatYuan(pc)} 元 < ${lineText.zh}${belowPoverty ? `，且低于贫困线 ${formatYuan(cfg.povertyLine)} 元` : ''}`,
        `Per-capita net income ${formatYuan(pc)} yuan < ${lineText.en}${belowPoverty ? `, and below the poverty line` : ''}`,
      ),
    );
  }

  const rigid = rigidRule(input, line, lineText);
  if (rigid) flags.push(rigid);

  const prev = input.previousYearPerCapita;
  if (prev === undefined || prev === null || prev <= 0) {
    notEvaluated.push({
      rule: 'incomeDrop',
      reason: { zh: '缺少上年人均纯收入，未判断收入缩减', en: "No previous year's per-capita income" },
    });
  } else {
    const drop = round2(prev - pc);
    const limit = round2(prev * cfg.incomeDrop.dropShare);
    const below = fen(pc) < fen(line);
    if (fen(drop) > fen(limit) && (!cfg.incomeDrop.requireBelowMonitoringLine || below)) {
      const pct = formatPercent(drop / prev);
      const need = formatPercent(cfg.incomeDrop.dropShare);
      const tailZh = cfg.incomeDrop.requireBelowMonitoringLine ? `，且低于${lineText.zh}` : '';
      const tailEn = cfg.incomeDrop.requireBelowMonitoringLine ? `, and below the ${lineText.en}` : '';
      flags.push(
        flag(
          'incomeDrop',
          'sudden',
          { perCapitaNetIncome: pc, previousYearPerCapita: prev, drop },
          { dropShare: cfg.incomeDrop.dropShare, monitoringLine: line },
          `人均纯收入由 ${formatYuan(prev)} 元降至 ${formatYuan(pc)} 元，减少 ${formatYuan(drop)} 元（降幅 ${pct}）> 上年的 ${need}（${formatYuan(limit)} 元）${tailZh}`,
          `Per-capita net income fell from ${formatYuan(prev)} to ${formatYuan(pc)} yuan, down ${formatYuan(drop)} yuan (${pct}) > ${need} of last year (${formatYuan(limit)} yuan)${tailEn}`,
        ),
      );
    }
  }

  for (const c of input.assessment) {
    if (c.key === 'income') continue; // covered by the income rule above
    if (c.verdict === 'not_met') {
      const f = flag(
        'criterionNotMet',
        riskType,
        { ...c.inputs },
        typeof c.inputs.threshold === 'number' ? { threshold: c.inputs.threshold } : {},
        `${c.labelZh}未达标：${c.explanation.zh}`,
        `${criterionText(c.key).en} not met: ${c.explanation.en}`,
      );
      f.criterionKey = c.key;
      f.labelZh = flagTitle('criterionNotMet', c.key).zh;
      flags.push(f);
    } else if (c.verdict === 'unknown') {
      notEvaluated.push({
        rule: 'criterionNotMet',
        criterionKey: c.key,
        reason: {
          zh: `${c.labelZh}：${c.explanation.zh}`,
          en: `${criterionText(c.key).en}: ${c.explanation.en}`,
        },
      });
    }
  }

  if (hasNoLabourCapacity(input.members)) {
    const n = input.members.length;
    flags.push(
      flag(
        'noLabourCapacity',
        riskType,
        { householdSize: n, membersWithoutLabour: n },
        {},
        `整户无劳动能力：${n} 名成员均为丧失劳动力或无劳动力`,
        `No labour capacity: all ${n} member(s) have lost or have no working capacity`,
      ),
    );
  }
  return { perCapitaNetIncome: pc, monitoringLine: line, flags, notEvaluated };
}

/** The triggered monitoring flags only (see evaluateMonitoringDetailed for missing-data notes). */
export function evaluateMonitoring(input: EvaluateMonitoringInput): MonitoringFlag[] {
  return evaluateMonitoringDetailed(input).flags;
}
