import { useInfiniteQuery } from '@tanstack/react-query';
import type { Role } from '../../../core/accounts/roles';
import { listUsers } from '../../api/users';

export interface UserFilter {
  q: string;
  role: Role | undefined;
}

export const usersKey = ['users'] as const;
const PAGE_SIZE = 50;

/** Keyset pages of the users the actor may see ("load more" asks for the next one). */
export function useUserPages(filter: UserFilter) {
  return useInfiniteQuery({
    queryKey: [...usersKey, filter],
    queryFn: ({ pageParam, signal }) =>
      listUsers(
        { q: filter.q.trim() || undefined, role: filter.role, after: pageParam, limit: PAGE_SIZE },
        signal,
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });
}
