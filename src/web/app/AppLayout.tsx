import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router';
import { useI18n } from '../i18n/useI18n';
import { UserMenu } from '../modules/auth/UserMenu';
import { useCurrentUser } from '../modules/auth/useCurrentUser';
import { FullPageSpinner } from '../ui/FullPageSpinner';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useIsNarrow } from '../ui/useIsNarrow';
import { NavMenu } from './NavMenu';

const HEADER_HEIGHT = 56;

function Brand({ compact }: { compact?: boolean }) {
  const { t } = useI18n();
  return (
    <Link to="/" style={{ display: 'flex', alignItems: 'baseline', gap: 8, minWidth: 0, color: 'inherit' }}>
      <span style={{ fontSize: 20, fontWeight: 600, color: '#b71c1c', letterSpacing: 1, flex: 'none' }}>
        {t('app.name')}
      </span>
      {compact ? null : (
        <span
          style={{
            fontSize: 12,
            color: 'rgba(0,0,0,0.45)',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          }}
        >
          {t('app.subtitle')}
        </span>
      )}
    </Link>
  );
}

// Plain elements instead of antd Typography here: Typography pulls in the text-area editor, which
// the shell of every page would then carry.

/**
 * The signed-in frame: header (brand, language, user menu) and navigation — a side menu on wide
 * screens, a drawer on phones (a Sider at 360 px squeezes the page).
 */
export function AppLayout() {
  const me = useCurrentUser();
  const narrow = useIsNarrow();
  const { t } = useI18n();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const handleOpenDrawer = () => setDrawerOpen(true);
  const handleCloseDrawer = () => setDrawerOpen(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          height: HEADER_HEIGHT,
          lineHeight: `${HEADER_HEIGHT}px`,
          padding: narrow ? '0 8px' : '0 16px 0 24px',
          background: '#fff',
          borderBottom: '1px solid #eceff3',
          display: 'flex',
          alignItems: 'center',
          gap: 8,
        }}
      >
        {narrow ? (
          <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={handleOpenDrawer} />
        ) : null}
        <div style={{ flex: 1, minWidth: 0, display: 'flex' }}>
          <Brand compact={narrow} />
        </div>
        <Flex align="center" gap={4} style={{ flex: 'none' }}>
          <LanguageSwitch />
          <UserMenu compact={narrow} />
        </Flex>
      </Layout.Header>
      <Layout>
        {narrow ? null : (
          <Layout.Sider
            width={208}
            theme="light"
            style={{
              borderInlineEnd: '1px solid #eceff3',
              position: 'sticky',
              top: HEADER_HEIGHT,
              height: `calc(100vh - ${HEADER_HEIGHT}px)`,
              overflow: 'auto',
            }}
          >
            <NavMenu role={me.role} />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <main style={{ maxWidth: 1280, margin: '0 auto' }}>
            <Suspense fallback={<FullPageSpinner />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
      {narrow ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={handleCloseDrawer}
          size={260}
          title={<Brand compact />}
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu role={me.role} onNavigate={handleCloseDrawer} />
        </Drawer>
      ) : null}
    </Layout>
  );
}
