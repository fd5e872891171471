import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Input, Select, Switch } from 'antd';
import type { User } from '../../../core/accounts/accounts.schemas';
import { REGION_SCOPED_ROLES, ROLES, ROLE_LABELS, type Role } from '../../../core/accounts/roles';
import { errorMessage } from '../../api/ApiError';
import { createUser, updateUser } from '../../api/users';
import { useI18n } from '../../i18n/useI18n';
import { applyFieldErrors } from '../../ui/applyFieldErrors';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { passwordPolicyRule } from '../auth/passwordRule';
import { assignableRoles } from '../auth/permissions';
import { useCurrentUser } from '../auth/useCurrentUser';
import { RegionLevelSelect } from '../regions/RegionLevelSelect';
import { UnitSelect } from '../units/UnitSelect';
import { usersKey } from './userQueries';

interface UserFormDrawerProps {
  open: boolean;
  /** The user to edit; null creates one. */
  user: User | null;
  onClose: () => void;
}

interface Values {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  unitId: number | null;
  password: string;
  disabled: boolean;
}

const FIELDS = ['username', 'displayName', 'role', 'regionCode', 'unitId', 'password', 'disabled'] as const;

/**
 * 新建 / 编辑用户. The role decides the scope fields: towns and villages need their region (a town
 * of the district, or a village), member-unit users their unit.
 */
export function UserFormDrawer({ open, user, onClose }: UserFormDrawerProps) {
  const me = useCurrentUser();
  const { t, lt, lang } = useI18n();
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const roles = assignableRoles(me, ROLES);
  const regionLevel = role ? REGION_SCOPED_ROLES[role] : undefined;
  const showUnit = me.role === 'admin' && role !== undefined && role !== 'village';

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const regionCode = regionLevel ? values.regionCode : null;
      const unitId = me.role === 'admin' ? (role === 'village' ? null : (values.unitId ?? null)) : undefined;
      if (user) {
        return updateUser(user.id, {
          displayName: values.displayName.trim(),
          role: values.role,
          regionCode,
          unitId,
          disabled: values.disabled,
        });
      }
      return createUser({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        regionCode,
        unitId,
        password: values.password,
      });
    },
    onSuccess: async (saved) => {
      void message.success(user ? t('app.saved') : t('users.created', { name: saved.displayName }));
      await queryClient.invalidateQueries({ queryKey: usersKey });
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, lang, FIELDS)) void message.error(errorMessage(error, lang));
    },
  });

  const handleSubmit = () => form.submit();
  const handleFinish = (values: Values) => mutation.mutate(values);
  const handleValuesChange = (changed: Partial<Values>) => {
    if ('role' in changed) form.setFieldsValue({ regionCode: null, unitId: null });
  };

  return (
    <Drawer
      open={open}
      title={user ? t('users.edit') : t('users.create')}
      onClose={onClose}
      size={narrow ? '100%' : 520}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('app.cancel')}</Button>
          <Button type="primary" onClick={handleSubmit} loading={mutation.isPending}>
            {t('app.save')}
          </Button>
        </Flex>
      }
    >
      {me.role === 'town' ? (
        <Alert type="info" showIcon title={t('users.townScopeNote')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        onValuesChange={handleValuesChange}
        initialValues={{
          username: user?.username ?? '',
          displayName: user?.displayName ?? '',
          role: user?.role ?? (roles.length === 1 ? roles[0] : undefined),
          regionCode: user?.regionCode ?? null,
          unitId: user?.unitId ?? null,
          password: '',
          disabled: user?.disabled ?? false,
        }}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, whitespace: true, message: t('app.required') },
            { min: 2, max: 64 },
            { pattern: /^[A-Za-z0-9_.-]+$/, message: t('users.usernamePattern') },
          ]}
        >
          <Input disabled={user !== null} autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, max: 64, message: t('app.required') }]}
        >
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('app.required') }]}
        >
          <Select<Role>
            options={roles.map((r) => ({ value: r, label: lt(ROLE_LABELS[r]) }))}
            disabled={roles.length < 2}
          />
        </Form.Item>
        {regionLevel ? (
          <Form.Item
            name="regionCode"
            label={t('users.region')}
            extra={regionLevel === 'town' ? t('users.regionTown') : t('users.regionVillage')}
            rules={[{ required: true, message: t('users.regionRequired') }]}
          >
            <RegionLevelSelect
              level={regionLevel}
              placeholder={regionLevel === 'town' ? t('users.pickTown') : t('users.pickVillage')}
            />
          </Form.Item>
        ) : null}
        {showUnit ? (
          <Form.Item
            name="unitId"
            label={t('users.unit')}
            rules={role === 'unit' ? [{ required: true, message: t('users.unitRequired') }] : []}
          >
            <UnitSelect placeholder={t('users.pickUnit')} />
          </Form.Item>
        ) : null}
        {user ? (
          <Form.Item name="disabled" label={t('users.disabledField')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('users.passwordHint')}
            dependencies={['username']}
            rules={[
              { required: true, message: t('app.required') },
              passwordPolicyRule(() => String(form.getFieldValue('username') ?? ''), lang),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
