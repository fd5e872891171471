/**
 * Progress verdicts: an indicator's figure at a date against its target, its deadline and a linear
 * phasing through the year (issue 4 "Progress"). Pure; the server computes the figures in SQL and
 * calls this. Every verdict explains itself in words (ARCHITECTURE: rules explain themselves).
 */
import { z } from 'zod';
import { deadlineDueDates } from '../plan/deadline';
import type { Comparison, Deadline } from '../plan/plan.schemas';

export const ProgressStatusSchema = z.enum(['done', 'on_track', 'at_risk', 'overdue']);
export type ProgressStatus = z.infer<typeof ProgressStatusSchema>;

export const STATUS_LABELS: Record<ProgressStatus, { zh: string; en: string }> = {
  done: { zh: '已完成', en: 'Done' },
  on_track: { zh: '进度正常', en: 'On track' },
  at_risk: { zh: '进度滞后', en: 'At risk' },
  overdue: { zh: '已逾期', en: 'Overdue' },
};

export interface EvaluationInput {
  comparison: Comparison;
  /** Target in the indicator's unit; the lower bound of a range. For `each-period` deadlines, per period. */
  target: number;
  targetMax: number | null;
  unit: string;
  deadline: Deadline | null;
  year: number;
  /** ISO date of the evaluation. */
  asOf: string;
  /** The figure at `asOf` (cumulative from 1 January), in the indicator's unit; null = no figure yet. */
  value: number | null;
  /** The figure at each due date on or before `asOf` (cumulative), for deadlines and periods. */
  dueValues: { date: string; value: number | null }[];
}

export interface Evaluation {
  status: ProgressStatus;
  /** Share of the (year's) target reached, in %, one decimal; may exceed 100. */
  percent: number | null;
  /** What linear phasing expects at `asOf` (cumulative), or null once the deadline has passed. */
  expected: number | null;
  dueDate: string;
  explanation: { zh: string; en: string };
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Rounds for display: integers stay integers, otherwise up to two decimals. */
export function formatFigure(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function targetText(c: Comparison, t: number, max: number | null, unit: string) {
  const f = formatFigure;
  switch (c) {
    case 'gte':
      return { zh: `不少于${f(t)}${unit}`, en: `at least ${f(t)} ${unit}` };
    case 'lte':
      return { zh: `不超过${f(t)}${unit}`, en: `at most ${f(t)} ${unit}` };
    case 'eq':
      return { zh: `${f(t)}${unit}`, en: `${f(t)} ${unit}` };
    case 'range':
      return { zh: `${f(t)}-${f(max ?? t)}${unit}`, en: `${f(t)}–${f(max ?? t)} ${unit}` };
  }
}

/** Whether the final target is met by `v` (an `eq` or range target exceeded still counts as met). */
function meets(c: Comparison, v: number, t: number): boolean {
  return c === 'lte' ? v <= t : v >= t;
}

function percentOf(c: Comparison, v: number | null, t: number): number | null {
  if (v === null) return null;
  if (c === 'lte') return v <= t ? 100 : Math.round((t / v) * 1000) / 10;
  if (t === 0) return 100;
  return Math.round((v / t) * 1000) / 10;
}

/** Evaluates one figure (the district's, or one town's / unit's) against the indicator. */
export function evaluate(input: EvaluationInput): Evaluation {
  const { comparison: c, unit, year, asOf, value: v } = input;
  const yearStart = `${year}-01-01`;
  const dueDates = input.deadline ? deadlineDueDates(input.deadline, year) : [`${year}-12-31`];
  const finalDue = dueDates[dueDates.length - 1]!;
  const periodic = dueDates.length > 1;
  const eachPeriod =
    periodic &&
    input.deadline !== null &&
    'scope' in input.deadline &&
    input.deadline.scope === 'each-period';
  const total = eachPeriod ? input.target * dueDates.length : input.target;
  const totalText = targetText(c, total, input.targetMax, unit);
  const vText =
    v === null
      ? { zh: '尚无数据', en: 'no figure yet' }
      : { zh: formatFigure(v) + unit, en: `${formatFigure(v)} ${unit}` };
  const at = { zh: `截至${asOf}为${vText.zh}`, en: `as of ${asOf}: ${vText.en}` };
  const percent = percentOf(c, v, total);
  const result = (status: ProgressStatus, expected: number | null, zh: string, en: string): Evaluation => ({
    status,
    percent,
    expected,
    dueDate: finalDue,
    explanation: { zh, en },
  });
  const valueAt = (date: string) => input.dueValues.find((d) => d.date === date)?.value ?? null;

  if (c === 'lte') {
    const ok = v === null || v <= input.target;
    if (asOf >= finalDue)
      return ok
        ? result(
            'done',
            null,
            `已完成：${at.zh}，目标${totalText.zh}。`,
            `Done: ${at.en}, target ${totalText.en}.`,
          )
        : result(
            'overdue',
            null,
            `未达标：${at.zh}，超过目标${totalText.zh}。`,
            `Missed: ${at.en}, above the target ${totalText.en}.`,
          );
    return ok
      ? result(
          'on_track',
          null,
          `进度正常：${at.zh}，未超过${totalText.zh}（期限${finalDue}）。`,
          `On track: ${at.en}, within ${totalText.en} (due ${finalDue}).`,
        )
      : result(
          'at_risk',
          null,
          `有风险：${at.zh}，已超过${totalText.zh}（期限${finalDue}）。`,
          `At risk: ${at.en}, already above ${totalText.en} (due ${finalDue}).`,
        );
  }

  if (periodic) {
    // R7 "分上、下半年2次": each period has its own quota; a missed period stays missed.
    const quota = eachPeriod ? input.target : input.target / dueDates.length;
    const quotaText = formatFigure(quota) + unit;
    const missed: string[] = [];
    let prevDate = null as string | null;
    let prevValue = 0;
    for (const due of dueDates) {
      if (due > asOf) break;
      const cum = valueAt(due) ?? 0;
      if (cum - prevValue < quota) missed.push(`${prevDate ?? yearStart}~${due}`);
      prevDate = due;
      prevValue = cum;
    }
    if (missed.length > 0)
      return result(
        'overdue',
        null,
        `已逾期：${missed.join('、')} 期间未达到每期${quotaText}；${at.zh}，全年目标${totalText.zh}。`,
        `Overdue: the period ${missed.join(', ')} fell short of ${quotaText} per period; ${at.en}, year target ${totalText.en}.`,
      );
    const current = dueDates.find((d) => d > asOf);
    if (!current)
      return result(
        'done',
        null,
        `已完成：每期均达到${quotaText}；${at.zh}。`,
        `Done: every period reached ${quotaText}; ${at.en}.`,
      );
    const periodStartDay = prevDate ? dayOf(prevDate) + 1 : dayOf(yearStart);
    const frac = Math.min(
      1,
      Math.max(0, (dayOf(asOf) - periodStartDay + 1) / (dayOf(current) - periodStartDay + 1)),
    );
    const inPeriod = (v ?? 0) - prevValue;
    const expected = prevValue + quota * frac;
    if (inPeriod >= quota)
      return result(
        'on_track',
        expected,
        `进度正常：本期（至${current}）已达${formatFigure(inPeriod)}${unit}，每期${quotaText}；${at.zh}。`,
        `On track: this period (to ${current}) has ${formatFigure(inPeriod)} ${unit} of ${quotaText}; ${at.en}.`,
      );
    return result(
      frac >= 0.5 ? 'at_risk' : 'on_track',
      expected,
      `${frac >= 0.5 ? '进度滞后' : '进度正常'}：本期（至${current}）已达${formatFigure(inPeriod)}${unit}，每期需${quotaText}，本期已过${Math.round(frac * 100)}%；${at.zh}。`,
      `${frac >= 0.5 ? 'At risk' : 'On track'}: this period (to ${current}) has ${formatFigure(inPeriod)} ${unit} of ${quotaText}, ${Math.round(frac * 100)}% of the period gone; ${at.en}.`,
    );
  }

  const rangeNote =
    c === 'range' && v !== null && input.targetMax !== null && v > input.targetMax
      ? {
          zh: `（超过区间上限${formatFigure(input.targetMax)}${unit}）`,
          en: ` (above the upper bound ${formatFigure(input.targetMax)})`,
        }
      : { zh: '', en: '' };
  if (v !== null && meets(c, v, total)) {
    const atDue = valueAt(finalDue);
    const late = asOf > finalDue && atDue !== null && !meets(c, atDue, total);
    return late
      ? result(
          'done',
          null,
          `逾期完成：${at.zh}，目标${totalText.zh}，但期限${finalDue}时为${formatFigure(atDue)}${unit}。`,
          `Done late: ${at.en}, target ${totalText.en}, but ${formatFigure(atDue)} ${unit} on the due date ${finalDue}.`,
        )
      : result(
          'done',
          null,
          `已完成：${at.zh}，目标${totalText.zh}${rangeNote.zh}。`,
          `Done: ${at.en}, target ${totalText.en}${rangeNote.en}.`,
        );
  }
  if (asOf > finalDue) {
    return result(
      'overdue',
      null,
      `已逾期：期限${finalDue}已到，${at.zh}，目标${totalText.zh}（完成${percent ?? 0}%）。`,
      `Overdue: due ${finalDue}; ${at.en}, target ${totalText.en} (${percent ?? 0}%).`,
    );
  }
  const frac = Math.min(
    1,
    Math.max(0, (dayOf(asOf) - dayOf(yearStart) + 1) / (dayOf(finalDue) - dayOf(yearStart) + 1)),
  );
  const expected = total * frac;
  const onTrack = v !== null && v >= expected;
  const expText = `${formatFigure(expected)}${unit}`;
  return onTrack
    ? result(
        'on_track',
        expected,
        `进度正常：${at.zh}，目标${totalText.zh}（期限${finalDue}），按时间进度此时应达${expText}。`,
        `On track: ${at.en}, target ${totalText.en} (due ${finalDue}); linear phasing expects ${formatFigure(expected)} ${unit} by now.`,
      )
    : result(
        'at_risk',
        expected,
        `进度滞后：${at.zh}，目标${totalText.zh}（期限${finalDue}），按时间进度此时应达${expText}。`,
        `At risk: ${at.en}, target ${totalText.en} (due ${finalDue}); linear phasing expects ${formatFigure(expected)} ${unit} by now.`,
      );
}

const SEVERITY: Record<ProgressStatus, number> = { done: 0, on_track: 1, at_risk: 2, overdue: 3 };

/**
 * One verdict for a per-town / per-unit indicator from the verdicts of each group (R1: every town must
 * reach its own target): done when all are done, otherwise the worst status, naming the groups behind it.
 */
export function combineGroups(
  groups: { name: string; evaluation: Evaluation }[],
  groupWord: { zh: string; en: string },
): {
  status: ProgressStatus;
  percent: number | null;
  done: number;
  total: number;
  explanation: { zh: string; en: string };
} {
  const total = groups.length;
  const done = groups.filter((g) => g.evaluation.status === 'done').length;
  const worst = groups.reduce<ProgressStatus>(
    (w, g) => (SEVERITY[g.evaluation.status] > SEVERITY[w] ? g.evaluation.status : w),
    'done',
  );
  const status: ProgressStatus = total === 0 ? 'at_risk' : worst;
  const percent = total === 0 ? null : Math.round((done / total) * 1000) / 10;
  const names = (s: ProgressStatus) => groups.filter((g) => g.evaluation.status === s).map((g) => g.name);
  const parts: string[] = [];
  const partsEn: string[] = [];
  for (const s of ['overdue', 'at_risk', 'on_track'] as const) {
    const list = names(s);
    if (list.length) {
      parts.push(`${STATUS_LABELS[s].zh}${list.length}个（${list.join('、')}）`);
      partsEn.push(`${list.length} ${STATUS_LABELS[s].en.toLowerCase()} (${list.join(', ')})`);
    }
  }
  return {
    status,
    percent,
    done,
    total,
    explanation: {
      zh: `${total}个${groupWord.zh}中${done}个已完成${parts.length ? '；' + parts.join('；') : ''}。`,
      en: `${done} of ${total} ${groupWord.en} done${partsEn.length ? '; ' + partsEn.join('; ') : ''}.`,
    },
  };
}

/** Stated unit → factor from the measured base (yuan for money). */
export function unitFactor(unit: string): number {
  if (unit === '万元') return 10_000;
  if (unit === '亿元') return 100_000_000;
  return 1;
}
