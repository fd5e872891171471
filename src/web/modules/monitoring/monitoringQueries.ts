import { useQueries, useQuery } from '@tanstack/react-query';
import type { YearConfig } from '../../../core/monitoring/config';
import { ApiError } from '../../api/ApiError';
import { fetchDeepDifficulty, fetchWatchList, fetchYearConfig } from '../../api/monitoring';

export const monitoringKey = ['monitoring'] as const;

/** How far back the page looks for configured years (the year picker offers the same range). */
export const YEARS_BACK = 10;

/**
 * The configured years around today (ten back, one ahead) with their thresholds; a 404 means "not
 * set". One probe per year, so the picker can mark the years that have thresholds.
 */
export function useYearConfigs(currentYear: number) {
  return useQuery({
    queryKey: [...monitoringKey, 'configs', currentYear],
    queryFn: async ({ signal }) => {
      const years = Array.from({ length: YEARS_BACK + 2 }, (_, i) => currentYear + 1 - i);
      const found = await Promise.all(
        years.map((y) =>
          fetchYearConfig(y, signal).then(
            (config) => [y, config] as const,
            (e: unknown) => {
              if (e instanceof ApiError && e.status === 404) return null;
              throw e;
            },
          ),
        ),
      );
      return new Map<number, YearConfig>(found.filter((f) => f !== null));
    },
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
