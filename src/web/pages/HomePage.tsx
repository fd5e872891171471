import { Card, Col, Row, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { navItemsFor, navLabel } from '../app/navigation';
import { useI18n } from '../i18n/useI18n';
import { WhoAmI } from '../modules/auth/WhoAmI';
import { useCurrentUser } from '../modules/auth/useCurrentUser';
import { FullPageSpinner } from '../ui/FullPageSpinner';
import { PageHeader } from '../ui/PageHeader';

// The progress dashboard (and its chart library) loads only for the roles whose home it is.
const ProgressDashboard = lazy(() =>
  import('../modules/progress/ProgressDashboard').then((m) => ({ default: m.ProgressDashboard })),
);

/** Roles whose home page is the progress dashboard 帮扶进度. */
const DASHBOARD_HOME = new Set(['admin', 'leader', 'unit']);

export function HomePage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  if (DASHBOARD_HOME.has(me.role)) {
    return (
      <>
        <PageHeader
          title={t('home.welcome', { name: me.displayName })}
          description={
            me.role === 'unit' ? t('home.dashboardUnit', { unit: me.unitName ?? '' }) : t('home.dashboard')
          }
        />
        <Suspense fallback={<FullPageSpinner />}>
          <ProgressDashboard />
        </Suspense>
      </>
    );
  }
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
