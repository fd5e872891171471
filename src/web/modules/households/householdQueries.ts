import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/ApiError';
import {
  getHousehold,
  getHouseholdYear,
  getTimeline,
  getYearConfig,
  listHouseholds,
  listMeasures,
} from '../../api/households';
import { listCases } from '../../api/cases';

export interface HouseholdFilter {
  q: string;
  regionCode?: string;
  monitoringStatus?: 'none' | 'monitored' | 'eliminated';
  monitoringType?: 'unstable' | 'marginal' | 'sudden';
  flagged?: 'true' | 'false';
  deepGroup?: 'incapacitated' | 'seriouslyIll' | 'severelyDisabled' | 'specialHardship';
  withoutMeasure?: boolean;
  caseStep?: string;
}

export const EMPTY_FILTER: HouseholdFilter = { q: '' };
export const householdsKey = ['households'] as const;
const PAGE_SIZE = 50;

/**
 * The latest year with monitoring thresholds (the year whose flags the list shows): probes the last
 * few years once per session; null when none is configured.
 */
export function useMonitoringYear() {
  return useQuery({
    queryKey: ['monitoring-year'],
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const now = new Date().getFullYear();
      const years = Array.from({ length: 10 }, (_, i) => now - i);
      const found = await Promise.all(
        years.map((y) =>
          getYearConfig(y, signal).then(
            () => y,
            (e: unknown) => {
              if (e instanceof ApiError && e.status === 404) return null;
              throw e;
            },
          ),
        ),
      );
      return found.find((y) => y !== null) ?? null;
    },
  });
}

/** Keyset pages of households matching the filter, with the flag summary of `year`. */
export function useHouseholdPages(filter: HouseholdFilter, year: number | null | undefined) {
  return useInfiniteQuery({
    queryKey: [...householdsKey, 'list', filter, year],
    enabled: year !== undefined,
    queryFn: ({ pageParam, signal }) =>
      listHouseholds(
        {
          q: filter.q.trim() || undefined,
          regionCode: filter.regionCode,
          monitoringStatus: filter.monitoringStatus,
          monitoringType: filter.monitoringType,
          flagged: year ? filter.flagged : undefined,
          deepGroup: filter.deepGroup,
          withoutMeasure: filter.withoutMeasure ? 'true' : undefined,
          caseStep: filter.caseStep,
          year: year ?? undefined,
          after: pageParam,
          limit: PAGE_SIZE,
        },
        signal,
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });
}

export function useHousehold(id: number) {
  return useQuery({
    queryKey: [...householdsKey, id],
    queryFn: ({ signal }) => getHousehold(id, signal),
  });
}

export function useHouseholdYear(id: number, year: number | null) {
  return useQuery({
    queryKey: [...householdsKey, id, 'year', year],
    enabled: year !== null,
    queryFn: ({ signal }) => getHouseholdYear(id, year!, signal),
  });
}

export function useMeasures(id: number) {
  return useQuery({
    queryKey: [...householdsKey, id, 'measures'],
    queryFn: ({ signal }) => listMeasures(id, signal).then((r) => r.items),
  });
}

export function useTimeline(id: number) {
  return useQuery({
    queryKey: [...householdsKey, id, 'timeline'],
    queryFn: ({ signal }) => getTimeline(id, signal).then((r) => r.items),
  });
}

export function useHouseholdCases(id: number) {
  return useQuery({
    queryKey: ['cases', 'household', id],
    queryFn: ({ signal }) => listCases({ householdId: id, limit: 100 }, signal).then((r) => r.items),
  });
}
