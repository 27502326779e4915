import { ApiOutlined, AuditOutlined, CloudServerOutlined, UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import type { ConsoleArea } from '../areas/console-area';
import { adminTexts } from './texts';

const UsersPage = lazy(() => import('./users.page').then((module) => ({ default: module.UsersPage })));
const PartnersPage = lazy(() =>
  import('./partners.page').then((module) => ({ default: module.PartnersPage })),
);
const SystemClientsPage = lazy(() =>
  import('./system-clients.page').then((module) => ({ default: module.SystemClientsPage })),
);
const AuditPage = lazy(() => import('./audit.page').then((module) => ({ default: module.AuditPage })));

/** The administrator's screens: users and roles, partners and their API clients, system clients, the audit log. */
export const adminArea: ConsoleArea = {
  name: 'admin',
  texts: adminTexts,
  nav: [
    { path: '/admin/users', label: 'admin:nav.users', icon: <UserOutlined />, roles: ['admin'] },
    { path: '/admin/partners', label: 'admin:nav.partners', icon: <ApiOutlined />, roles: ['admin'] },
    {
      path: '/admin/system-clients',
      label: 'admin:nav.systemClients',
      icon: <CloudServerOutlined />,
      roles: ['admin'],
    },
    { path: '/admin/audit', label: 'admin:nav.audit', icon: <AuditOutlined />, roles: ['admin'] },
  ],
  routes: (
    <>
      <Route path="/admin/users" element={<UsersPage />} />
      <Route path="/admin/partners" element={<PartnersPage />} />
      <Route path="/admin/system-clients" element={<SystemClientsPage />} />
      <Route path="/admin/audit" element={<AuditPage />} />
    </>
  ),
};
