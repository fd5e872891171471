import { DownOutlined, KeyOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Flex } from 'antd';
import type { MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { ROLE_LABELS } from '../../../core/accounts/roles';
import { useI18n } from '../../i18n/useI18n';
import { useCurrentUser } from './useCurrentUser';
import { useSessionActions } from './useSessionActions';

// Forms are not needed until the user asks to change the password: keep them out of the first load.
const ChangePasswordModal = lazy(() =>
  import('./ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })),
);

/** Header menu: who is signed in (name and role), change password, log out, log out everywhere. */
export function UserMenu({ compact }: { compact: boolean }) {
  const me = useCurrentUser();
  const { t, lt } = useI18n();
  const { modal } = App.useApp();
  const { signOut, signOutEverywhere } = useSessionActions();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const roleLabel = lt(ROLE_LABELS[me.role]);

  const handleMenuClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    if (key === 'logout') void signOut();
    if (key === 'logout-all') {
      modal.confirm({
        title: t('auth.logoutAll'),
        content: t('auth.logoutAllConfirm'),
        okText: t('app.confirm'),
        cancelText: t('app.cancel'),
        onOk: () => signOutEverywhere(),
      });
    }
  };
  const handlePasswordClose = () => setPasswordOpen(false);

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <Flex vertical style={{ cursor: 'default' }}>
          <strong>{me.displayName}</strong>
          <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
            {me.username} · {roleLabel}
          </span>
        </Flex>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout') },
    { key: 'logout-all', icon: <PoweroffOutlined />, label: t('auth.logoutAll'), danger: true },
  ];

  return (
    <>
      <Dropdown menu={{ items, onClick: handleMenuClick }} trigger={['click']} placement="bottomRight">
        <Button
          type="text"
          aria-label={`${me.displayName} ${roleLabel}`}
          style={{ height: 'auto', padding: '4px 8px' }}
        >
          <Flex align="center" gap={8}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#b71c1c', flex: 'none' }} />
            {compact ? null : (
              <Flex vertical align="flex-start" style={{ lineHeight: 1.25 }}>
                <span>{me.displayName}</span>
                <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.5)' }}>{roleLabel}</span>
              </Flex>
            )}
            <DownOutlined style={{ fontSize: 10 }} />
          </Flex>
        </Button>
      </Dropdown>
      {passwordOpen ? (
        <Suspense fallback={null}>
          <ChangePasswordModal open username={me.username} onClose={handlePasswordClose} />
        </Suspense>
      ) : null}
    </>
  );
}
