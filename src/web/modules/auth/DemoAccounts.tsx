import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { ROLE_LABELS } from '../../../core/accounts/roles';
import { fetchDemo, type DemoAccount } from '../../api/demo';
import { useI18n } from '../../i18n/useI18n';

interface DemoAccountsProps {
  onPick: (account: { username: string; password: string }) => void;
}

/** Lists the demo accounts while demo data is loaded; a click fills the login form. */
export function DemoAccounts({ onPick }: DemoAccountsProps) {
  const { t, lt } = useI18n();
  const { data } = useQuery({ queryKey: ['demo'], queryFn: fetchDemo, staleTime: 60_000 });
  if (!data?.loaded || !data.accounts.length) return null;
  const password = data.password ?? '';

  const handlePick = (account: DemoAccount) => onPick({ username: account.username, password });

  return (
    <Card size="small" title={t('auth.demoTitle')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('auth.demoHint')}{' '}
        <Typography.Text code copyable style={{ whiteSpace: 'nowrap' }}>
          {password}
        </Typography.Text>
      </Typography.Paragraph>
      <Table<DemoAccount>
        aria-label={t('auth.demoTitle')}
        size="small"
        pagination={false}
        rowKey="username"
        dataSource={data.accounts}
        onRow={(account) => ({ onClick: () => handlePick(account), style: { cursor: 'pointer' } })}
        columns={[
          {
            key: 'username',
            title: t('auth.username'),
            render: (_v, a) => <Typography.Link>{a.username}</Typography.Link>,
          },
          {
            key: 'role',
            title: t('auth.demoRole'),
            render: (_v, a) => (ROLE_LABELS[a.role] ? lt(ROLE_LABELS[a.role]) : a.role),
          },
          {
            key: 'scope',
            title: t('auth.demoScope'),
            render: (_v, a) => a.scope ?? a.displayName,
          },
        ]}
      />
    </Card>
  );
}
