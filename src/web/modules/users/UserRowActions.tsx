import {
  CheckCircleOutlined,
  DownOutlined,
  EditOutlined,
  KeyOutlined,
  StopOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex } from 'antd';
import type { MenuProps } from 'antd';
import type { User } from '../../../core/accounts/accounts.schemas';
import { errorMessage } from '../../api/ApiError';
import { unlockUser, updateUser } from '../../api/users';
import { useI18n } from '../../i18n/useI18n';
import { usersKey } from './userQueries';

interface UserRowActionsProps {
  user: User;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

/** 编辑, and under 更多: 重置密码, 解锁 (when locked), 停用/启用 — for a user the actor may manage. */
export function UserRowActions({ user, onEdit, onResetPassword }: UserRowActionsProps) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: usersKey });

  const unlock = useMutation({
    mutationFn: () => unlockUser(user.id),
    onSuccess: async () => {
      void message.success(t('users.unlocked'));
      await refresh();
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const toggle = useMutation({
    mutationFn: () => updateUser(user.id, { disabled: !user.disabled }),
    onSuccess: async () => {
      void message.success(t('app.saved'));
      await refresh();
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });

  const handleEdit = () => onEdit(user);
  const handleMore: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') onResetPassword(user);
    if (key === 'unlock') unlock.mutate();
    if (key === 'toggle') {
      modal.confirm({
        title: user.disabled ? t('users.enable') : t('users.disable'),
        content: t(user.disabled ? 'users.enableConfirm' : 'users.disableConfirm', {
          name: user.displayName,
        }),
        okText: t('app.confirm'),
        cancelText: t('app.cancel'),
        okButtonProps: { danger: !user.disabled },
        onOk: () => toggle.mutateAsync(),
      });
    }
  };

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('users.resetPassword') },
    ...(user.locked ? [{ key: 'unlock', icon: <UnlockOutlined />, label: t('users.unlock') }] : []),
    user.disabled
      ? { key: 'toggle', icon: <CheckCircleOutlined />, label: t('users.enable') }
      : { key: 'toggle', icon: <StopOutlined />, label: t('users.disable'), danger: true },
  ];

  return (
    <Flex gap={4} wrap={false}>
      <Button size="small" type="link" icon={<EditOutlined />} onClick={handleEdit}>
        {t('app.edit')}
      </Button>
      <Dropdown menu={{ items, onClick: handleMore }} trigger={['click']}>
        <Button size="small" type="link" loading={unlock.isPending || toggle.isPending}>
          {t('app.more')} <DownOutlined />
        </Button>
      </Dropdown>
    </Flex>
  );
}
