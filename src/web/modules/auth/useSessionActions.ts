import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { Me } from '../../../core/accounts/accounts.schemas';
import { errorMessage } from '../../api/ApiError';
import { logout, logoutEverywhere } from '../../api/auth';
import { useI18n } from '../../i18n/useI18n';
import { setLoginNotice } from './loginNotice';
import { meQueryKey } from './useMe';

/**
 * Session changes that reset the client's cache: nothing of one user may show to the next. Logging
 * out only forgets the user; the auth guard then takes them to the login page with the notice.
 */
export function useSessionActions() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { lang } = useI18n();

  const resetCache = (me: Me | null) => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    queryClient.setQueryData(meQueryKey, me);
  };

  const signedIn = (me: Me) => resetCache(me);

  const signOut = async () => {
    try {
      await logout();
    } catch (error) {
      // The session may be gone already; the user still ends up logged out here.
      console.warn(errorMessage(error, lang));
    }
    setLoginNotice('loggedOut');
    resetCache(null);
  };

  const signOutEverywhere = async () => {
    try {
      await logoutEverywhere();
    } catch (error) {
      void message.error(errorMessage(error, lang));
      return;
    }
    setLoginNotice('loggedOutEverywhere');
    resetCache(null);
  };

  return { signedIn, signOut, signOutEverywhere };
}
