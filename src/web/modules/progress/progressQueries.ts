import { keepPreviousData, useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import type { ProgressResponse } from '../../../core/progress/progress.schemas';
import { getProgress, getProgressRecords } from '../../api/progress';

export const progressKey = (planId: number, asOf: string) => ['progress', planId, asOf] as const;

/** Every indicator of a plan at a date; the previous date's figures stay on screen while a new date loads. */
export function useProgress(planId: number | null, asOf: string | null) {
  return useQuery({
    queryKey: progressKey(planId ?? 0, asOf ?? ''),
    queryFn: ({ signal }) => getProgress({ plan: planId!, asOf: asOf! }, signal),
    enabled: planId !== null && asOf !== null,
    placeholderData: keepPreviousData,
  });
}

/**
 * The plan's figures at several dates (the month ends of the trend). Same cache keys as
 * `useProgress`, so the evaluation date and last month's end are fetched once for the cards, the
 * trend and the units' reporting.
 */
export function useProgressAt(planId: number, dates: readonly string[]) {
  return useQueries({
    queries: dates.map((asOf) => ({
      queryKey: progressKey(planId, asOf),
      queryFn: ({ signal }: { signal: AbortSignal }) => getProgress({ plan: planId, asOf }, signal),
      staleTime: 60_000,
    })),
    combine: combineSnapshots,
  });
}

/** All snapshots once every one has loaded (module-level, so the combined result is memoised). */
function combineSnapshots(results: { data?: ProgressResponse; error: unknown }[]) {
  const loaded = results.every((r) => r.data !== undefined);
  return {
    snapshots: loaded ? results.map((r) => r.data as ProgressResponse) : null,
    error: results.find((r) => r.error)?.error ?? null,
  };
}

export interface RecordsTarget {
  indicatorId: number;
  unitId?: number;
  townCode?: string;
}

const RECORDS_PAGE = 20;

/** Keyset pages of the records behind one figure (in the actor's scope). */
export function useRecordPages(target: RecordsTarget | null, asOf: string) {
  return useInfiniteQuery({
    queryKey: ['progress-records', target, asOf],
    queryFn: ({ pageParam, signal }) =>
      getProgressRecords(
        target!.indicatorId,
        { asOf, unitId: target!.unitId, townCode: target!.townCode, after: pageParam, limit: RECORDS_PAGE },
        signal,
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextAfter ?? undefined,
    enabled: target !== null,
  });
}
