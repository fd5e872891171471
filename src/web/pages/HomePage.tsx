import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { navItemsFor, navLabel } from '../app/navigation';
import { useI18n } from '../i18n/useI18n';
import { WhoAmI } from '../modules/auth/WhoAmI';
import { useCurrentUser } from '../modules/auth/useCurrentUser';
import { PageHeader } from '../ui/PageHeader';

export function HomePage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const pages = navItemsFor(me.role).filter((i) => i.key !== 'home');
  return (
    <>
      <PageHeader title={t('home.welcome', { name: me.displayName })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <WhoAmI />
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.pages')}>
            <Row gutter={[12, 12]}>
              {pages.map((item) => {
                const label = (
                  <Card
                    size="small"
                    hoverable
                    styles={{ body: { display: 'flex', gap: 8, alignItems: 'center' } }}
                  >
                    <span style={{ fontSize: 18, color: '#1f5fbf' }}>{item.icon}</span>
                    <Typography.Text>{t(navLabel(item, me.role))}</Typography.Text>
                  </Card>
                );
                return (
                  <Col xs={12} key={item.key}>
                    {item.external ? (
                      <a href={item.path} target="_blank" rel="noopener noreferrer">
                        {label}
                      </a>
                    ) : (
                      <Link to={item.path}>{label}</Link>
                    )}
                  </Col>
                );
              })}
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
