/**
 * The years a ledger can be kept for: every plan year and the current one, newest first; the default
 * is the current year when a plan exists for it, else the latest plan year (the demo's 2020).
 */
export function ledgerYears(
  planYears: readonly number[],
  currentYear: number,
): { years: number[]; initial: number } {
  const years = [...new Set([...planYears, currentYear])].sort((a, b) => b - a);
  const initial = planYears.includes(currentYear)
    ? currentYear
    : (planYears.filter((y) => y < currentYear).sort((a, b) => b - a)[0] ?? currentYear);
  return { years, initial };
}
