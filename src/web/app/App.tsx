import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from '../api/client';
import { setLoginNotice } from '../modules/auth/loginNotice';
import { meQueryKey } from '../modules/auth/useMe';
import { AppProviders } from './AppProviders';
import { queryClient } from './queryClient';
import { router } from './router';

// A 401 from any request: forget the user and their data; the auth guard then takes them to the
// login page (with the expiry notice when the session ran out).
setUnauthorizedHandler((code) => {
  if (code === 'auth.session_expired') setLoginNotice('expired');
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, null);
});

export function App() {
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
