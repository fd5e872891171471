import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import type { User } from '../../../core/accounts/accounts.schemas';
import { errorMessage } from '../../api/ApiError';
import { resetUserPassword } from '../../api/users';
import { useI18n } from '../../i18n/useI18n';
import { applyFieldErrors } from '../../ui/applyFieldErrors';
import { passwordPolicyRule } from '../auth/passwordRule';

interface ResetPasswordModalProps {
  user: User | null;
  onClose: () => void;
}

/** 重置密码: sets a new password for another user (their sessions end on the server). */
export function ResetPasswordModal({ user, onClose }: ResetPasswordModalProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const mutation = useMutation({
    mutationFn: (password: string) => resetUserPassword(user?.id ?? 0, password),
    onSuccess: () => {
      void message.success(t('users.passwordReset'));
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, lang, ['password'])) void message.error(errorMessage(error, lang));
    },
  });
  const handleOk = () => form.submit();
  const handleFinish = (values: { password: string }) => mutation.mutate(values.password);

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetPasswordFor', { name: user.displayName }) : ''}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={handleOk}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={handleFinish}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('users.passwordHint')}
          rules={[
            { required: true, message: t('app.required') },
            passwordPolicyRule(() => user?.username ?? '', lang),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
