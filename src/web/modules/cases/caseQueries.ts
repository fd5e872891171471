import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getCase, getCaseQueue, listCases } from '../../api/cases';

export const casesKey = ['cases'] as const;

/** The signed-in role's work queue (open cases where it has the next step). */
export function useCaseQueue(enabled = true) {
  return useQuery({
    queryKey: [...casesKey, 'queue'],
    enabled,
    queryFn: ({ signal }) => getCaseQueue(signal).then((r) => r.items),
  });
}

/** Keyset pages of all cases in scope, newest first or by id as the server orders them. */
export function useCasePages(openOnly: boolean, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...casesKey, 'list', openOnly],
    enabled,
    queryFn: ({ pageParam, signal }) =>
      listCases({ after: pageParam, limit: 50, open: openOnly ? 'true' : undefined }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });
}

export function useCase(id: number) {
  return useQuery({
    queryKey: [...casesKey, id],
    queryFn: ({ signal }) => getCase(id, signal),
  });
}
