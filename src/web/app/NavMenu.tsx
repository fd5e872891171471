import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import type { Role } from '../../core/accounts/roles';
import { useI18n } from '../i18n/useI18n';
import { navItemsFor, navLabel } from './navigation';

interface NavMenuProps {
  role: Role;
  /** Called after a page was picked (the phone drawer closes). */
  onNavigate?: () => void;
}

export function NavMenu({ role, onNavigate }: NavMenuProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const items = navItemsFor(role);
  const current = items
    .filter(
      (i) =>
        !i.external && (i.path === '/' ? location.pathname === '/' : location.pathname.startsWith(i.path)),
    )
    .map((i) => i.key);

  const menuItems: MenuProps['items'] = items.map((item) => ({
    key: item.key,
    icon: item.icon,
    label: item.external ? (
      <a href={item.path} target="_blank" rel="noopener noreferrer">
        {t(navLabel(item, role))}
      </a>
    ) : (
      t(navLabel(item, role))
    ),
  }));

  const handleClick: MenuProps['onClick'] = ({ key }) => {
    const item = items.find((i) => i.key === key);
    if (!item || item.external) return;
    void navigate(item.path);
    onNavigate?.();
  };

  return (
    <Menu
      mode="inline"
      selectedKeys={current}
      items={menuItems}
      onClick={handleClick}
      style={{ borderInlineEnd: 'none' }}
      aria-label={t('nav.menu')}
    />
  );
}
