import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../../core/accounts/accounts.schemas';
import { fetchMe } from '../../api/auth';

export const meQueryKey = ['me'] as const;

/** The session probe: the signed-in user, or null. Fetched once; login and logout replace it. */
export function useMe() {
  return useQuery<Me | null>({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: Infinity });
}
