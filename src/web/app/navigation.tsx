import {
  AccountBookOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  CarryOutOutlined,
  FileTextOutlined,
  HomeOutlined,
  HeartOutlined,
  InsuranceOutlined,
  LineChartOutlined,
  MonitorOutlined,
  ProfileOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ROLES, type Role } from '../../core/accounts/roles';
import type { MessageKey } from '../i18n/messages';

export interface NavItem {
  key: string;
  /** In-app route, or an absolute server path when `external`. */
  path: string;
  icon: ReactNode;
  /** Label for roles that manage the page, and for roles that only read it. */
  manageLabel: MessageKey;
  readLabel: MessageKey;
  /** Roles that may open the page (the server's read policy). */
  roles: readonly Role[];
  /** Roles shown the "…管理" label (the page is theirs to run). */
  manageRoles: readonly Role[];
  external?: boolean;
}

/**
 * The pages, and who sees them in the menu: only pages that work for the role. Route guards use the
 * same lists, so a hidden page is also a closed one.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    key: 'home',
    path: '/',
    icon: <HomeOutlined />,
    manageLabel: 'nav.home',
    readLabel: 'nav.home',
    roles: ROLES,
    manageRoles: [],
  },
  {
    key: 'progress',
    path: '/progress',
    icon: <LineChartOutlined />,
    manageLabel: 'nav.progress',
    readLabel: 'nav.progress',
    // Summaries every role but village cadres reads (the server's plan read policy).
    roles: ['admin', 'leader', 'unit', 'town', 'inspector'],
    manageRoles: [],
  },
  {
    key: 'plans',
    path: '/plans',
    icon: <FileTextOutlined />,
    manageLabel: 'nav.plansManage',
    readLabel: 'nav.plans',
    roles: ['admin', 'leader', 'unit', 'town', 'inspector'],
    manageRoles: ['admin'],
  },
  {
    key: 'activities',
    path: '/activities',
    icon: <ProfileOutlined />,
    manageLabel: 'nav.activities',
    readLabel: 'nav.activities',
    // Units their own records, towns their leaders' visits, the office / leaders / inspectors all.
    roles: ['admin', 'leader', 'unit', 'town', 'inspector'],
    manageRoles: ['admin', 'unit', 'town'],
  },
  {
    key: 'ledgers',
    path: '/ledgers',
    icon: <AccountBookOutlined />,
    manageLabel: 'nav.ledgers',
    readLabel: 'nav.ledgers',
    roles: ['admin', 'leader', 'unit', 'town', 'inspector'],
    manageRoles: ['admin', 'unit', 'town'],
  },
  {
    key: 'households',
    path: '/households',
    icon: <HeartOutlined />,
    manageLabel: 'nav.households',
    readLabel: 'nav.households',
    // Registry data: the office, leaders and inspectors read all; towns and villages their own area.
    roles: ['admin', 'leader', 'inspector', 'town', 'village'],
    manageRoles: ['admin', 'town', 'village'],
  },
  {
    key: 'monitoring',
    path: '/monitoring',
    icon: <MonitorOutlined />,
    manageLabel: 'nav.monitoring',
    readLabel: 'nav.monitoring',
    // Thresholds are read by every signed-in role and the watch lists are scoped by the server
    // (a member unit: its assigned households); only the office sets thresholds and re-evaluates.
    roles: ROLES,
    manageRoles: ['admin'],
  },
  {
    key: 'cases',
    path: '/cases',
    icon: <CarryOutOutlined />,
    manageLabel: 'nav.cases',
    readLabel: 'nav.cases',
    // The include/exit procedure; member units take no part in it.
    roles: ['admin', 'leader', 'inspector', 'town', 'village'],
    manageRoles: ['admin', 'inspector', 'town', 'village'],
  },
  {
    key: 'screening',
    path: '/screening',
    icon: <InsuranceOutlined />,
    manageLabel: 'nav.screening',
    readLabel: 'nav.screening',
    // R9: every role reads the campaigns, each in its household scope (a unit its assigned households);
    // the office opens and closes them, towns and villages record screenings in their area.
    roles: ['admin', 'leader', 'inspector', 'town', 'village', 'unit'],
    manageRoles: ['admin', 'town', 'village'],
  },
  {
    key: 'users',
    path: '/users',
    icon: <TeamOutlined />,
    manageLabel: 'nav.usersManage',
    readLabel: 'nav.users',
    roles: ['admin', 'leader', 'town'],
    manageRoles: ['admin'],
  },
  {
    key: 'units',
    path: '/units',
    icon: <BankOutlined />,
    manageLabel: 'nav.unitsManage',
    readLabel: 'nav.units',
    roles: ['admin', 'leader', 'unit', 'inspector'],
    manageRoles: ['admin'],
  },
  {
    key: 'regions',
    path: '/regions',
    icon: <ApartmentOutlined />,
    manageLabel: 'nav.regionsManage',
    readLabel: 'nav.regions',
    roles: ROLES,
    manageRoles: ['admin'],
  },
  {
    key: 'audit',
    path: '/audit',
    icon: <AuditOutlined />,
    manageLabel: 'nav.audit',
    readLabel: 'nav.audit',
    roles: ['admin', 'leader'],
    manageRoles: [],
  },
  {
    key: 'api-docs',
    path: '/api/docs',
    icon: <ApiOutlined />,
    manageLabel: 'nav.apiDocs',
    readLabel: 'nav.apiDocs',
    roles: ['admin'],
    manageRoles: [],
    external: true,
  },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

export function navLabel(item: NavItem, role: Role): MessageKey {
  return item.manageRoles.includes(role) ? item.manageLabel : item.readLabel;
}

export function rolesFor(key: string): readonly Role[] {
  return NAV_ITEMS.find((item) => item.key === key)?.roles ?? [];
}
