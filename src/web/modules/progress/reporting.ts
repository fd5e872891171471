import type { ProgressResponse } from '../../../core/progress/progress.schemas';

export interface UnitReport {
  unitId: number;
  unitName: string;
  /** Names of the indicators whose figure for this unit moved this month. */
  indicators: string[];
}

/**
 * Which units recorded something this month, from two progress snapshots: a unit reported when any
 * indicator's figure for it differs between the end of last month and the evaluation date (records
 * dated this month and counted by an indicator). `previous` is null in January (the year starts at 0).
 */
export function unitsReporting(current: ProgressResponse, previous: ProgressResponse | null): UnitReport[] {
  const before = new Map<string, number>();
  for (const item of previous?.items ?? []) {
    for (const u of item.byUnit) before.set(`${item.indicatorId}:${u.unitId}`, u.value ?? 0);
  }
  const reports = new Map<number, UnitReport>();
  for (const item of current.items) {
    for (const u of item.byUnit) {
      const was = before.get(`${item.indicatorId}:${u.unitId}`) ?? 0;
      if ((u.value ?? 0) === was) continue;
      const report = reports.get(u.unitId) ?? { unitId: u.unitId, unitName: u.unitName, indicators: [] };
      report.indicators.push(item.name);
      reports.set(u.unitId, report);
    }
  }
  return [...reports.values()].sort(
    (a, b) => b.indicators.length - a.indicators.length || a.unitId - b.unitId,
  );
}
