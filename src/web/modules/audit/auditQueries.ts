import { useInfiniteQuery } from '@tanstack/react-query';
import { listAudit, type AuditFilter } from '../../api/audit';

export const auditKey = ['audit'] as const;

/** Newest first, keyset-paged by id ("load more" continues below the smallest id seen). */
export function useAuditPages(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: [...auditKey, filter],
    queryFn: ({ pageParam, signal }) => listAudit({ ...filter, before: pageParam, limit: 50 }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
