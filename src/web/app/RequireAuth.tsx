import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../api/ApiError';
import { useI18n } from '../i18n/useI18n';
import { peekLoginNotice } from '../modules/auth/loginNotice';
import { useMe } from '../modules/auth/useMe';
import { FullPageSpinner } from '../ui/FullPageSpinner';

/** Waits for the session probe; without a session the user goes to the login page and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  const { t, lang } = useI18n();

  if (isPending) return <FullPageSpinner label={t('app.loading')} />;
  if (error) {
    const handleRetry = () => void refetch();
    return (
      <Result
        status="warning"
        title={t('app.loadFailed')}
        subTitle={errorMessage(error, lang)}
        extra={<Button onClick={handleRetry}>{t('app.retry')}</Button>}
      />
    );
  }
  if (!me) {
    // After a log-out the next person starts from the home page; otherwise come back here after login.
    const notice = peekLoginNotice();
    const from =
      notice === 'loggedOut' || notice === 'loggedOutEverywhere' ? '/' : location.pathname + location.search;
    const to = from === '/' ? '/login' : `/login?from=${encodeURIComponent(from)}`;
    return <Navigate to={to} replace />;
  }
  return children;
}
