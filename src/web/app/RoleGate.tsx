import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/useI18n';
import { useCurrentUser } from '../modules/auth/useCurrentUser';
import { rolesFor } from './navigation';

/** Closes a page to roles that do not have it in their menu (the server refuses them anyway). */
export function RoleGate({ page, children }: { page: string; children: ReactNode }) {
  const me = useCurrentUser();
  const { t } = useI18n();
  if (!rolesFor(page).includes(me.role)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('app.forbidden')}
        extra={
          <Link to="/">
            <Button type="primary">{t('app.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return children;
}
