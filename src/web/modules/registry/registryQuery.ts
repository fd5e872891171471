import type { QueryValue } from '../../api/client';
import type { ImportJobProgress } from '../../api/registry';
import type { HouseholdFilter } from '../households/householdQueries';

/** The list's filters as the export endpoints take them (the same names as `GET /api/households`). */
export function filterQuery(
  filter: HouseholdFilter,
  year: number | null | undefined,
): Record<string, QueryValue> {
  return {
    q: filter.q.trim() || undefined,
    regionCode: filter.regionCode,
    monitoringStatus: filter.monitoringStatus,
    monitoringType: filter.monitoringType,
    flagged: year ? filter.flagged : undefined,
    deepGroup: filter.deepGroup,
    withoutMeasure: filter.withoutMeasure ? 'true' : undefined,
    caseStep: filter.caseStep,
    year: year && filter.flagged ? year : undefined,
  };
}

export interface ProgressView {
  /** 0–100, or null while the total is not known yet (validation streams the file). */
  percent: number | null;
  phase: ImportJobProgress['phase'];
  done: number;
  total: number | null;
}

/**
 * What the progress bar shows for an import job; `written` is what the kind counts while writing
 * (members of the household ledger, household-years of the economics ledger).
 */
export function progressOf(
  job: { status: 'running' | 'done' | 'failed'; progress: ImportJobProgress },
  written: number,
): ProgressView {
  const p = job.progress;
  if (job.status !== 'running' || p.phase === 'done')
    return { percent: 100, phase: 'done', done: p.totalRows ?? p.rowsRead, total: p.totalRows };
  if (p.phase === 'write') {
    const total = p.totalRows ?? null;
    const percent = total ? Math.min(99, Math.floor((written / total) * 100)) : null;
    return { percent, phase: 'write', done: written, total };
  }
  return { percent: null, phase: 'validate', done: p.rowsRead, total: null };
}
