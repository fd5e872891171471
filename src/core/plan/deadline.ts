/**
 * Deadlines in plan text (3月底前, 上半年, 年底前, 分上、下半年…) and their resolution to dates.
 *
 * Deadlines are stored relative to the plan year so that a plan's wording stays meaningful for any
 * year; the due date is computed with the plan's year (R3: funds "在3月底前拨付到位" → 2020-03-31).
 */
import type { Deadline } from './plan.schemas';
import { parseChineseInteger } from './numbers';

/** A deadline found in normalised text, with its position. */
export interface DeadlineMatch {
  readonly start: number;
  readonly end: number;
  readonly deadline: Deadline;
}

interface Rule {
  readonly re: RegExp;
  readonly build: (m: RegExpExecArray) => Deadline | null;
}

const BEFORE = '(?:前|之前|以前)';

function smallNumber(token: string | undefined): number | null {
  if (token === undefined) return null;
  if (/^\d+$/.test(token)) return Number(token);
  return parseChineseInteger(token);
}

/** Rules in priority order: a later rule never matches inside an earlier rule's match. */
const RULES: readonly Rule[] = [
  {
    // 分上、下半年2次 (year total over both halves) / 上、下半年各1次 (each half) / 每半年
    re: /(分|每年)?上[、,和及与]?下半年(各)?|每半年(各)?/g,
    build: (m) => ({
      kind: 'each-half-year',
      count: 2,
      scope: m[2] !== undefined || m[0].startsWith('每半年') ? 'each-period' : 'year-total',
      label: m[0],
    }),
  },
  {
    re: /(分|每个?|按)季度(各)?/g,
    build: (m) => ({
      kind: 'each-quarter',
      count: 4,
      scope: m[1] === '分' && m[2] === undefined ? 'year-total' : 'each-period',
      label: m[0],
    }),
  },
  {
    re: /每个?月|按月|逐月/g,
    build: (m) => ({ kind: 'each-month', count: 12, scope: 'each-period', label: m[0] }),
  },
  {
    re: new RegExp(`第?([一二三四1-4])季度(?:末|底)?${BEFORE}?`, 'g'),
    build: (m) => {
      const quarter = smallNumber(m[1]);
      return quarter !== null && quarter >= 1 && quarter <= 4
        ? { kind: 'quarter', quarter, label: m[0] }
        : null;
    },
  },
  {
    re: new RegExp(`(上|下)半年(?:底|末)?(?:${BEFORE}|内)?`, 'g'),
    build: (m) => ({ kind: 'half-year', half: m[1] === '上' ? 1 : 2, label: m[0] }),
  },
  {
    // 3月底前, 2020年3月底, 6月30日前, 5月中旬前. A bare "11月7日" is a date, not a deadline.
    re: new RegExp(
      `(?:(\\d{4})年)?(?<![\\d])(\\d{1,2}|[一二三四五六七八九十]{1,3})月份?` +
        `(?:(底|末)${BEFORE}?|(\\d{1,2})[日号]${BEFORE}|(上旬|中旬|下旬)${BEFORE}?|${BEFORE})`,
      'g',
    ),
    build: (m) => {
      const month = smallNumber(m[2]);
      if (month === null || month < 1 || month > 12) return null;
      let day: number | null = null;
      if (m[4] !== undefined) day = Number(m[4]);
      else if (m[5] === '上旬') day = 10;
      else if (m[5] === '中旬') day = 20;
      if (day !== null && (day < 1 || day > 31)) return null;
      return { kind: 'date', year: m[1] === undefined ? null : Number(m[1]), month, day, label: m[0] };
    },
  },
  {
    re: new RegExp(`年(?:底|末)${BEFORE}?|年内|年终${BEFORE}?`, 'g'),
    build: (m) => ({ kind: 'year-end', label: m[0] }),
  },
];

/** Every deadline expression in a normalised (space-free, half-width) text, in text order. */
export function findDeadlines(text: string): DeadlineMatch[] {
  const found: DeadlineMatch[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      const deadline = rule.build(m);
      if (deadline !== null) found.push({ start, end, deadline });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;
const lastDayOfMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthEnd = (year: number, month: number): string => iso(year, month, lastDayOfMonth(year, month));

/**
 * The due date of every period, as ISO dates (YYYY-MM-DD), for the plan `year`.
 * One date for a single deadline; two for `each-half-year` (06-30, 12-31), four for quarters,
 * twelve for months.
 */
export function deadlineDueDates(deadline: Deadline, year: number): string[] {
  switch (deadline.kind) {
    case 'date': {
      const y = deadline.year ?? year;
      const last = lastDayOfMonth(y, deadline.month);
      return [iso(y, deadline.month, Math.min(deadline.day ?? last, last))];
    }
    case 'quarter':
      return [monthEnd(year, deadline.quarter * 3)];
    case 'half-year':
      return [monthEnd(year, deadline.half * 6)];
    case 'year-end':
      return [monthEnd(year, 12)];
    case 'each-half-year':
      return [6, 12].map((m) => monthEnd(year, m));
    case 'each-quarter':
      return [3, 6, 9, 12].map((m) => monthEnd(year, m));
    case 'each-month':
      return Array.from({ length: 12 }, (_, i) => monthEnd(year, i + 1));
  }
}

/** The final due date (ISO) of a deadline in the plan `year`: "3月底前" in 2020 → "2020-03-31". */
export function resolveDeadline(deadline: Deadline, year: number): string {
  const dates = deadlineDueDates(deadline, year);
  return dates[dates.length - 1] ?? monthEnd(year, 12);
}
