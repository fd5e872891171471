import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import type { LoginRequest } from '../../../core/accounts/accounts.schemas';
import { ApiError, errorMessage } from '../../api/ApiError';
import { login } from '../../api/auth';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/useI18n';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { DemoAccounts } from './DemoAccounts';
import { clearLoginNotice, peekLoginNotice, type LoginNotice } from './loginNotice';
import { useSessionActions } from './useSessionActions';
import { useMe } from './useMe';

const NOTICE_TEXT: Record<LoginNotice, MessageKey> = {
  expired: 'auth.expired',
  loggedOut: 'auth.loggedOut',
  loggedOutEverywhere: 'auth.loggedOutAll',
};

/** Only same-site paths are followed after login (never an absolute URL from the query string). */
function safeFrom(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

/** 登录: product name, the form, and the demo accounts while demo data is loaded. */
export function LoginScreen() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<LoginRequest>();
  const [params] = useSearchParams();
  const { signedIn } = useSessionActions();
  const { data: me } = useMe();
  // Read once: a later visit to this page must not repeat it.
  const [notice] = useState(peekLoginNotice);
  useEffect(() => clearLoginNotice(), []);

  // The last refusal stays on screen while the next attempt runs, so the form does not jump.
  const [error, setError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: login,
    // The signed-in user lands in the cache; the redirect below then takes them on.
    onSuccess: signedIn,
    onError: setError,
  });

  const handleFinish = (values: LoginRequest) => mutation.mutate(values);
  const handlePick = (account: LoginRequest) => {
    form.setFieldsValue(account);
    setError(null);
  };

  if (me) return <Navigate to={safeFrom(params.get('from'))} replace />;

  const locked = error instanceof ApiError && error.code === 'auth.locked';

  return (
    <Flex
      vertical
      align="center"
      style={{ minHeight: '100vh', background: '#f3f5f8', padding: '16px 12px 32px' }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 440 }}>
        <LanguageSwitch />
      </Flex>
      <div style={{ width: '100%', maxWidth: 440, marginTop: '4vh' }}>
        <Flex vertical align="center" style={{ marginBottom: 24, textAlign: 'center' }}>
          <Typography.Title level={1} style={{ margin: 0, color: '#b71c1c', letterSpacing: 2 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 15 }}>
            {t('app.subtitle')}
          </Typography.Text>
        </Flex>
        <Card>
          {notice && !error ? (
            <Alert
              type={notice === 'expired' ? 'warning' : 'info'}
              showIcon
              title={t(NOTICE_TEXT[notice])}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          {error ? (
            <Alert
              role="alert"
              type={locked ? 'warning' : 'error'}
              showIcon
              title={errorMessage(error, lang)}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Form<LoginRequest>
            form={form}
            layout="vertical"
            onFinish={handleFinish}
            requiredMark={false}
            size="large"
          >
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={256} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
              {t('auth.login')}
            </Button>
          </Form>
        </Card>
        <DemoAccounts onPick={handlePick} />
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 24, fontSize: 12 }}>
          {t('auth.footer')}
        </Typography.Paragraph>
      </div>
    </Flex>
  );
}
