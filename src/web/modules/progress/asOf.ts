/** Why the dashboard shows the date it shows. */
export type AsOfReason = 'today' | 'yearEnded' | 'notStarted';

/** Today in China (UTC+8) as YYYY-MM-DD: the office's calendar day, whatever the browser's zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The date a plan's dashboard opens at: today, clamped into the plan year. A past year opens at its
 * end (the final figures, what someone looking back wants); a future year at its first day.
 */
export function defaultAsOf(year: number, today: string): { asOf: string; reason: AsOfReason } {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (today > end) return { asOf: end, reason: 'yearEnded' };
  if (today < start) return { asOf: start, reason: 'notStarted' };
  return { asOf: today, reason: 'today' };
}

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The month ends of the plan year before `asOf`, then `asOf` itself: the points of the monthly trend. */
export function trendDates(asOf: string): string[] {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const dates: string[] = [];
  for (let m = 1; m < month; m++) dates.push(lastDayOf(year, m));
  dates.push(asOf);
  return dates;
}

/** Quarter ends and the year's end of a plan year, up to `limit` (the date picker's shortcuts). */
export function quarterEnds(year: number): string[] {
  return [3, 6, 9, 12].map((m) => lastDayOf(year, m));
}
