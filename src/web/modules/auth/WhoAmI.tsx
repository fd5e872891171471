import { Card, Descriptions, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '../../../core/accounts/roles';
import { useI18n } from '../../i18n/useI18n';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { scopeText } from './scopeText';
import { useCurrentUser } from './useCurrentUser';

/** 首页 card: who is signed in, their role and the data they work with. */
export function WhoAmI() {
  const me = useCurrentUser();
  const { t, lt } = useI18n();
  const narrow = useIsNarrow();
  const none = <Typography.Text type="secondary">{t('app.none')}</Typography.Text>;
  return (
    <Card title={t('home.who')}>
      <Descriptions
        column={1}
        size={narrow ? 'small' : 'medium'}
        styles={{ label: { width: narrow ? 96 : 140 } }}
        items={[
          { key: 'user', label: t('home.account'), children: `${me.displayName}（${me.username}）` },
          { key: 'role', label: t('home.role'), children: <Tag color="red">{lt(ROLE_LABELS[me.role])}</Tag> },
          {
            key: 'region',
            label: t('home.region'),
            children: me.regionName ? `${me.regionName}（${me.regionCode ?? ''}）` : none,
          },
          { key: 'unit', label: t('home.unit'), children: me.unitName ?? none },
          { key: 'scope', label: t('home.scope'), children: scopeText(me, t) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
        {t('home.session', { n: me.sessionIdleMinutes })}
      </Typography.Paragraph>
    </Card>
  );
}
