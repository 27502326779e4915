import { HomeOutlined } from '@ant-design/icons';
import type { Principal } from '../api/session';
import { AREAS } from '../areas/areas';
import type { NavItem } from '../areas/console-area';

const HOME: NavItem = { path: '/home', label: 'nav.home', icon: <HomeOutlined />, roles: [] };

export function navigationFor(principal: Principal): NavItem[] {
  const isAdmin = principal.roles.includes('admin');
  const items = AREAS.flatMap((area) => area.nav).filter(
    (item) => isAdmin || item.roles.some((role) => principal.roles.includes(role)),
  );
  return items.length > 0 ? items : [HOME];
}

/** Where a principal lands after signing in: the first screen its roles open. */
export function homeOf(principal: Principal): string {
  return navigationFor(principal)[0].path;
}
