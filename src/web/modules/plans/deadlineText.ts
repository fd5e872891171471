import type { Deadline, DeadlineKind, PeriodScope } from '../../../core/plan/plan.schemas';

const CN = ['一', '二', '三', '四'];

/** A deadline without its wording (distributes over the kinds, unlike `Omit` on the union). */
export type DeadlineParams = Deadline extends infer D
  ? D extends unknown
    ? Omit<D, 'label'>
    : never
  : never;

/**
 * The plan-style wording of a deadline a person picked in the editor ("3月底前", "上半年",
 * "分上、下半年"); an extracted deadline keeps the words it was read from.
 */
export function deadlineLabel(d: DeadlineParams): string {
  switch (d.kind) {
    case 'date':
      return d.day === null ? `${d.month}月底前` : `${d.month}月${d.day}日前`;
    case 'quarter':
      return `第${CN[d.quarter - 1] ?? d.quarter}季度末前`;
    case 'half-year':
      return d.half === 1 ? '上半年' : '下半年';
    case 'year-end':
      return '年底前';
    case 'each-half-year':
      return d.scope === 'year-total' ? '分上、下半年' : '上、下半年各';
    case 'each-quarter':
      return d.scope === 'year-total' ? '分季度' : '每季度';
    case 'each-month':
      return '每月';
  }
}

/** A deadline of a kind with the editor's default parameters. */
export function blankDeadline(kind: DeadlineKind, scope: PeriodScope = 'year-total'): Deadline {
  const make = (): DeadlineParams => {
    switch (kind) {
      case 'date':
        return { kind, year: null, month: 3, day: null };
      case 'quarter':
        return { kind, quarter: 1 };
      case 'half-year':
        return { kind, half: 1 };
      case 'year-end':
        return { kind };
      case 'each-half-year':
        return { kind, count: 2, scope };
      case 'each-quarter':
        return { kind, count: 4, scope };
      case 'each-month':
        return { kind, count: 12, scope: 'each-period' };
    }
  };
  const d = make();
  return { ...d, label: deadlineLabel(d) } as Deadline;
}

/** The same deadline with changed parameters and its wording regenerated. */
export function withParams(d: Deadline, change: Partial<Record<string, unknown>>): Deadline {
  const next = { ...d, ...change } as Deadline;
  return { ...next, label: deadlineLabel(next) };
}
