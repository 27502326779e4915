import { CustomerServiceOutlined, HomeOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Principal, Role } from '../api/session';

export interface NavItem {
  path: string;
  /** An i18n key under nav. */
  label: 'agentDesktop' | 'home';
  icon: ReactNode;
  /** Who sees it; admin sees everything. */
  roles: Role[];
}

/** The side menu per role: each portal adds its entry here (service manager, station, dealer, admin come next). */
export const NAVIGATION: NavItem[] = [
  { path: '/agent', label: 'agentDesktop', icon: <CustomerServiceOutlined />, roles: ['agent'] },
];

const HOME: NavItem = { path: '/home', label: 'home', icon: <HomeOutlined />, roles: [] };

export function navigationFor(principal: Principal): NavItem[] {
  const isAdmin = principal.roles.includes('admin');
  const items = NAVIGATION.filter(
    (item) => isAdmin || item.roles.some((role) => principal.roles.includes(role)),
  );
  return items.length > 0 ? items : [HOME];
}

/** Where a principal lands after signing in: the first screen its roles open. */
export function homeOf(principal: Principal): string {
  return navigationFor(principal)[0].path;
}
