/** Calendar-date helpers on 'YYYY-MM-DD' strings: no time zones, so results are the same in browser and server. */

/** A calendar date split into numbers. */
export interface YMD {
  year: number;
  month: number;
  day: number;
}

/** True for a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a given year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Rejects impossible dates such as 1999-02-30 or month 13, which regexes alone let through. */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Formats as 'YYYY-MM-DD'. */
export function formatIsoDate(d: YMD): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Parses a strict 'YYYY-MM-DD' string; null for anything else or an impossible date. */
export function parseIsoDate(s: string): YMD | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(d.year, d.month, d.day) ? d : null;
}

/** True when `s` is a real calendar date in 'YYYY-MM-DD' form. */
export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

/**
 * Parses the date spellings found in office ledgers (2020-01-05, 2020/1/5, 2020.1.5, 20200105, 2020年1月5日)
 * into 'YYYY-MM-DD'; null when not a real date.
 */
export function parseLooseDate(s: string): string | null {
  const t = s.trim();
  const m =
    /^(\d{4})(\d{2})(\d{2})$/.exec(t) ??
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(t);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(d.year, d.month, d.day) ? formatIsoDate(d) : null;
}

/** Orders two ISO dates (lexicographic order equals date order for 'YYYY-MM-DD'). */
export function compareIsoDate(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Full years of age on `asOf` (birthday counts on the day itself; 29 Feb birthdays count on 1 Mar). */
export function ageOn(birthDate: string, asOf: string): number {
  const b = parseIsoDate(birthDate);
  const a = parseIsoDate(asOf);
  if (!b || !a) throw new RangeError('ageOn: 日期格式应为 YYYY-MM-DD');
  let age = a.year - b.year;
  if (a.month < b.month || (a.month === b.month && a.day < b.day)) age -= 1;
  return age;
}

/** Today's local calendar date; only used as a default so callers can pass `asOf` for reproducible results. */
export function todayIso(now: Date = new Date()): string {
  return formatIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** Day number since 1970-01-01 (UTC arithmetic, no time zone drift); used to draw random dates. */
export function isoDateToDayNumber(s: string): number {
  const d = parseIsoDate(s);
  if (!d) throw new RangeError('isoDateToDayNumber: 日期格式应为 YYYY-MM-DD');
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

/** Inverse of isoDateToDayNumber. */
export function dayNumberToIsoDate(n: number): string {
  const dt = new Date(n * 86_400_000);
  return formatIsoDate({ year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() });
}
