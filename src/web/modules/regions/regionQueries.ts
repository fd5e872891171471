import { useQuery } from '@tanstack/react-query';
import type { RegionTree } from '../../../core/region/region.schemas';
import { listRegions } from '../../api/regions';

export const regionsKey = (tree: RegionTree) => ['regions', tree] as const;
export const allRegionsKey = ['regions'] as const;

/** The whole readable part of a tree as a flat list (a district is a few thousand rows at most). */
export function useRegions(tree: RegionTree) {
  return useQuery({
    queryKey: regionsKey(tree),
    queryFn: ({ signal }) => listRegions({ tree }, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}
