import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ActivityType } from '../../../core/activities/activities.schemas';
import { listActivities, listActivityTypes } from '../../api/activities';

export interface ActivityFilter {
  type?: ActivityType;
  unitId?: number;
  from?: string;
  to?: string;
}

export const activitiesKey = ['activities'] as const;
/** Everything a record change moves: the lists and every figure computed from records. */
export const recordDependentKeys = [activitiesKey, ['progress'], ['progress-records']] as const;
const PAGE_SIZE = 50;

/** The record types and their labels (the form and the filter are driven by this list). */
export function useActivityTypes() {
  return useQuery({
    queryKey: ['activity-types'],
    queryFn: ({ signal }) => listActivityTypes(signal).then((r) => r.items),
    staleTime: Infinity,
  });
}

/** Keyset pages of records in the actor's scope. */
export function useActivityPages(filter: ActivityFilter) {
  return useInfiniteQuery({
    queryKey: [...activitiesKey, filter],
    queryFn: ({ pageParam, signal }) =>
      listActivities({ ...filter, after: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });
}
