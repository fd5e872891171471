import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { errorMessage } from '../../api/ApiError';
import { changePassword } from '../../api/auth';
import { useI18n } from '../../i18n/useI18n';
import { applyFieldErrors } from '../../ui/applyFieldErrors';
import { passwordPolicyRule } from './passwordRule';

interface ChangePasswordModalProps {
  open: boolean;
  username: string;
  onClose: () => void;
}

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: the server also ends the user's other sessions. */
export function ChangePasswordModal({ open, username, onClose }: ChangePasswordModalProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      void message.success(t('auth.passwordChanged'));
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, lang, ['currentPassword', 'newPassword'])) {
        void message.error(errorMessage(error, lang));
      }
    },
  });

  const handleOk = () => form.submit();
  const handleFinish = (values: Values) => mutation.mutate(values);
  const handleCancel = () => {
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={handleOk}
      onCancel={handleCancel}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={handleFinish} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          rules={[{ required: true, message: t('app.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={t('users.passwordHint')}
          rules={[{ required: true, message: t('app.required') }, passwordPolicyRule(() => username, lang)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('app.required') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (value && value !== getFieldValue('newPassword'))
                  throw new Error(t('auth.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
