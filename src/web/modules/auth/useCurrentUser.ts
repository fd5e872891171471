import type { Me } from '../../../core/accounts/accounts.schemas';
import { useMe } from './useMe';

/** The signed-in user, for components under the authenticated layout (which waits for it). */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser used outside the authenticated layout');
  return data;
}
