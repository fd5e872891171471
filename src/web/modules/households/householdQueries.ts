import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/ApiError';
import {
  getHousehold,
  getHouseholdYear,
  getTimeline,
  listYearConfigs,
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
  /** One monitoring rule (with `year`), e.g. from the monitoring page's watch list. */
  flagRule?: string;
  deepGroup?: 'incapacitated' | 'seriouslyIll' | 'severelyDisabled' | 'specialHardship';
  withoutMeasure?: boolean;
  caseStep?: string;
}

export const EMPTY_FILTER: HouseholdFilter = { q: '' };
export const householdsKey = ['households'] as const;
const PAGE_SIZE = 50;

/** The years with monitoring thresholds, newest first (one request per session). */
export function useConfiguredYears() {
  return useQuery({
    queryKey: ['monitoring-years'],
    staleTime: Infinity,
    queryFn: async ({ signal }) => (await listYearConfigs(signal)).items,
  });
}

/** The latest year with monitoring thresholds (the year the list opens on); null when none is set. */
export function useMonitoringYear() {
  const configured = useConfiguredYears();
  return { ...configured, data: configured.data ? (configured.data[0]?.year ?? null) : undefined };
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
          flagRule: year ? filter.flagRule : undefined,
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

/** A household-year; null when nothing is recorded for that year yet (the API answers 404). */
export function useHouseholdYear(id: number, year: number | null) {
  return useQuery({
    queryKey: [...householdsKey, id, 'year', year],
    enabled: year !== null,
    queryFn: ({ signal }) =>
      getHouseholdYear(id, year!, signal).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
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

/** What a change to one household moves: its own queries, the list, and its cases (a flag may open one). */
export function householdChangedKeys(id: number) {
  return [
    [...householdsKey, id],
    [...householdsKey, 'list'],
    ['cases', 'household', id],
  ] as const;
}
