import { useQueries, useQuery } from '@tanstack/react-query';
import type { YearConfig } from '../../../core/monitoring/config';
import { listYearConfigs } from '../../api/households';
import { fetchDeepDifficulty, fetchWatchList } from '../../api/monitoring';

export const monitoringKey = ['monitoring'] as const;

/** How far back the page looks for configured years (the year picker offers the same range). */
export const YEARS_BACK = 10;

/** The configured years with their thresholds (one request; the picker marks the years that have them). */
export function useYearConfigs(currentYear: number) {
  return useQuery({
    queryKey: [...monitoringKey, 'configs', currentYear],
    queryFn: async ({ signal }) =>
      new Map<number, YearConfig>((await listYearConfigs(signal)).items.map((c) => [c.year, c])),
  });
}

export function useWatchList(year: number, enabled = true) {
  return useQuery({
    queryKey: [...monitoringKey, 'watch-list', year],
    enabled,
    queryFn: ({ signal }) => fetchWatchList(year, signal),
  });
}

/** R12 group counts for the whole scope (`undefined`) and for each given town. */
export function useDeepDifficulty(regionCodes: readonly (string | undefined)[]) {
  return useQueries({
    queries: regionCodes.map((regionCode) => ({
      queryKey: [...monitoringKey, 'deep-difficulty', regionCode ?? 'all'],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchDeepDifficulty(regionCode, signal).then((r) => r.groups),
    })),
  });
}
