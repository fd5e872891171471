import type { LocalizedText } from '../identity/result';
import type { Criterion, CriterionKey, InputValue } from './criteria';
import { MONITORING_TYPE_LABELS } from './codes';
import type { MonitoringTypeCode } from './codes';
import type { YearConfig } from './config';
import { NO_LABOUR } from './facts';
import type { HouseholdEconomics, MemberFacts } from './facts';
import { fen, formatNumber, formatPercent, formatYuan, round2 } from './format';
import { householdNetIncome, monitoringLineOf, perCapitaNetIncome, rigidExpenditureTotal } from './income';

/** The explainable monitoring rules (R10 dynamic monitoring). */
export type MonitoringRule =
  'incomeBelowMonitoringLine' | 'rigidExpenditure' | 'incomeDrop' | 'criterionNotMet' | 'noLabourCapacity';

/** zh labels of the rules. */
export const MONITORING_RULE_LABELS: Readonly<Record<MonitoringRule, string>> = {
  incomeBelowMonitoringLine: '人均纯收入低于监测线',
  rigidExpenditure: '刚性支出较大',
  incomeDrop: '收入大幅缩减',
  criterionNotMet: '“两不愁三保障”或饮水安全未保障',
  noLabourCapacity: '整户无劳动能力',
};

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
        `${c.key} not met: ${c.explanation.en}`,
      );
      f.criterionKey = c.key;
      f.labelZh = `${c.labelZh}未达标`;
      flags.push(f);
    } else if (c.verdict === 'unknown') {
      notEvaluated.push({
        rule: 'criterionNotMet',
        criterionKey: c.key,
        reason: { zh: `${c.labelZh}：${c.explanation.zh}`, en: `${c.key}: ${c.explanation.en}` },
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
