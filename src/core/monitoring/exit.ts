import type { LocalizedText } from '../identity/result';
import { criterionText, type Criterion } from './criteria';
import type { YearConfig } from './config';
import type { MemberFacts } from './facts';
import { fen, formatYuan } from './format';
import { monitoringLineOf } from './income';
import { hasNoLabourCapacity } from './rules';

/** A month's estimate of annual per-capita net income (按月测算的年人均纯收入). */
export interface MonthlyIncomeEntry {
  month: string; // 'YYYY-MM'
  perCapitaAnnualised: number;
}

/** Input of canExitMonitoring; `monthlyIncomeHistory` wins over `monthsAboveRange` when both are given. */
export interface CanExitInput {
  config: YearConfig;
  monthlyIncomeHistory?: readonly MonthlyIncomeEntry[];
  monthsAboveRange?: number;
  rigidResolved: boolean;
  assessment: readonly Criterion[];
  members: readonly MemberFacts[];
}

/** One exit condition with its outcome. */
export interface ExitCheck {
  key: 'income' | 'rigid' | 'assessment' | 'labour';
  passed: boolean;
  explanation: LocalizedText;
}

/** Month index for 'YYYY-MM' so gaps between entries can be detected. */
function monthIndex(m: string): number | null {
  const r = /^(\d{4})-(\d{2})$/.exec(m);
  if (!r) return null;
  const month = Number(r[2]);
  return month >= 1 && month <= 12 ? Number(r[1]) * 12 + month - 1 : null;
}

/** Consecutive most-recent months at or above the line; a gap or an invalid month ends the streak. */
export function trailingMonthsAboveLine(history: readonly MonthlyIncomeEntry[], line: number): number {
  const sorted = [...history].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  let count = 0;
  let expected: number | null = null;
  for (const e of sorted) {
    const idx = monthIndex(e.month);
    if (idx === null || (expected !== null && idx !== expected)) break;
    if (fen(e.perCapitaAnnualised) < fen(line)) break;
    count += 1;
    expected = idx - 1;
  }
  return count;
}

/**
 * Decides whether a monitored household's risk may be marked eliminated (R10 应退尽退): income above the
 * range for ≥ N months, rigid costs resolved, 两不愁三保障 and water held; a household without any working
 * capacity stays monitored. The reasons say why, so a refusal can be read out to the household.
 */
export function canExitMonitoring(input: CanExitInput): {
  allowed: boolean;
  reasons: LocalizedText[];
  checks: ExitCheck[];
} {
  const line = monitoringLineOf(input.config);
  const need = input.config.exit.minMonthsAboveRange;
  const checks: ExitCheck[] = [];

  const months =
    input.monthlyIncomeHistory !== undefined
      ? trailingMonthsAboveLine(input.monthlyIncomeHistory, line)
      : input.monthsAboveRange;
  if (months === undefined) {
    checks.push({
      key: 'income',
      passed: false,
      explanation: { zh: '缺少月度收入记录，无法判断收入是否稳定', en: 'No monthly income records' },
    });
  } else {
    const passed = months >= need;
    checks.push({
      key: 'income',
      passed,
      explanation: passed
        ? {
            zh: `收入已连续 ${months} 个月稳定在监测线 ${formatYuan(line)} 元以上（要求 ≥ ${need} 个月）`,
            en: `Income above the monitoring line ${formatYuan(line)} yuan for ${months} months (≥ ${need} required)`,
          }
        : {
            zh: `收入仅连续 ${months} 个月在监测线 ${formatYuan(line)} 元以上，不足 ${need} 个月`,
            en: `Income above the monitoring line ${formatYuan(line)} yuan for only ${months} months (< ${need})`,
          },
    });
  }

  checks.push({
    key: 'rigid',
    passed: input.rigidResolved,
    explanation: input.rigidResolved
      ? { zh: '大额刚性支出问题已解决', en: 'Large rigid expenditure resolved' }
      : { zh: '大额刚性支出问题尚未解决', en: 'Large rigid expenditure not yet resolved' },
  });

  const notMet = input.assessment.filter((c) => c.verdict === 'not_met');
  const unknown = input.assessment.filter((c) => c.verdict === 'unknown');
  const held = input.assessment.length > 0 && notMet.length === 0 && unknown.length === 0;
  const parts: LocalizedText[] = [];
  if (input.assessment.length === 0)
    parts.push({ zh: '尚未进行“两不愁三保障”评估', en: 'No assessment yet' });
  if (notMet.length > 0) {
    parts.push({
      zh: `未达标：${notMet.map((c) => c.labelZh).join('、')}`,
      en: `not met: ${notMet.map((c) => criterionText(c.key).en).join(', ')}`,
    });
  }
  if (unknown.length > 0) {
    parts.push({
      zh: `未核实：${unknown.map((c) => c.labelZh).join('、')}`,
      en: `not verified: ${unknown.map((c) => criterionText(c.key).en).join(', ')}`,
    });
  }
  checks.push({
    key: 'assessment',
    passed: held,
    explanation: held
      ? {
          zh: '“两不愁三保障”及饮水安全均有保障',
          en: 'Two no-worries, three guarantees and safe water all held',
        }
      : { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') },
  });

  const noLabour = hasNoLabourCapacity(input.members);
  checks.push({
    key: 'labour',
    passed: !noLabour,
    explanation: noLabour
      ? {
          zh: '整户无劳动能力，收入依赖保障性政策，应持续监测帮扶，不能退出监测',
          en: 'The household has no working capacity; it stays monitored and cannot exit',
        }
      : { zh: '家庭有劳动能力', en: 'The household has working capacity' },
  });

  const allowed = checks.every((c) => c.passed);
  const reasons = (allowed ? checks : checks.filter((c) => !c.passed)).map((c) => c.explanation);
  return { allowed, reasons, checks };
}
