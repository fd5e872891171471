import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import {
  getCampaignHousehold,
  getCampaignProgress,
  listCampaignHouseholds,
  listCampaigns,
  type Campaign,
} from '../../api/screening';
import { nextPending, type CampaignHouseholdFilter } from './screeningForm';

/** Everything of the screening pages lives under this key: a save or a close invalidates it whole. */
export const screeningKey = ['screening'] as const;
const PAGE_SIZE = 50;

export function useCampaigns() {
  return useQuery({
    queryKey: [...screeningKey, 'campaigns'],
    queryFn: ({ signal }) => listCampaigns(signal).then((r) => r.items),
  });
}

export function useCampaignProgress(id: number) {
  return useQuery({
    queryKey: [...screeningKey, id, 'progress'],
    queryFn: ({ signal }) => getCampaignProgress(id, signal),
  });
}

/** The progress of each listed campaign (a district runs a handful of campaigns a year). */
export function useCampaignsProgress(campaigns: readonly Campaign[]) {
  return useQueries({
    queries: campaigns.map((c) => ({
      queryKey: [...screeningKey, c.id, 'progress'],
      queryFn: ({ signal }: { signal: AbortSignal }) => getCampaignProgress(c.id, signal),
    })),
  });
}

export function useCampaignHouseholds(id: number, filter: CampaignHouseholdFilter) {
  return useInfiniteQuery({
    queryKey: [...screeningKey, id, 'households', filter],
    queryFn: ({ pageParam, signal }) =>
      listCampaignHouseholds(
        id,
        {
          status: filter.status,
          q: filter.q.trim() || undefined,
          regionCode: filter.regionCode,
          after: pageParam,
          limit: PAGE_SIZE,
        },
        signal,
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });
}

export function useCampaignHousehold(id: number, householdId: number) {
  return useQuery({
    queryKey: [...screeningKey, id, 'household', householdId],
    queryFn: ({ signal }) => getCampaignHousehold(id, householdId, signal),
  });
}

/**
 * The next household of the campaign still to screen after `current` (in list order, wrapping
 * round), optionally within a region; null when every household in scope is done.
 */
export async function findNextPending(
  id: number,
  current: number,
  regionCode?: string,
): Promise<number | null> {
  const after = await listCampaignHouseholds(id, { status: 'pending', after: current, regionCode, limit: 1 });
  const ids = after.items.map((i) => i.householdId);
  if (!ids.length) {
    const first = await listCampaignHouseholds(id, { status: 'pending', regionCode, limit: 2 });
    ids.push(...first.items.map((i) => i.householdId));
  }
  return nextPending(ids, current);
}
