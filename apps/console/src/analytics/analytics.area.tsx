import {
  AlertOutlined,
  AppstoreOutlined,
  CrownOutlined,
  LineChartOutlined,
  RiseOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import type { Role } from '../api/session';
import type { ConsoleArea } from '../areas/console-area';
import { analyticsTexts } from './texts';

const QualityPage = lazy(() => import('./quality/quality.page').then((m) => ({ default: m.QualityPage })));
const CustomersPage = lazy(() =>
  import('./customers/customers.page').then((m) => ({ default: m.CustomersPage })),
);
const SalesPage = lazy(() => import('./sales/sales.page').then((m) => ({ default: m.SalesPage })));
const ServicePage = lazy(() => import('./service/service.page').then((m) => ({ default: m.ServicePage })));
const MarketPage = lazy(() => import('./market/market.page').then((m) => ({ default: m.MarketPage })));
const SevenPsPage = lazy(() => import('./seven-ps/seven-ps.page').then((m) => ({ default: m.SevenPsPage })));

// As the analytics service allows: every report for analysts and both managers, sales figures not for service.
const REPORT_ROLES: Role[] = ['analyst', 'service_manager', 'sales_manager'];
const SALES_ROLES: Role[] = ['analyst', 'sales_manager'];

/** Dashboards over the analytics service's read models, for analysts and managers. */
export const analyticsArea: ConsoleArea = {
  name: 'analytics',
  texts: analyticsTexts,
  nav: [
    {
      path: '/analytics/quality',
      label: 'analytics:nav.quality',
      icon: <AlertOutlined />,
      roles: REPORT_ROLES,
    },
    {
      path: '/analytics/customers',
      label: 'analytics:nav.customers',
      icon: <CrownOutlined />,
      roles: REPORT_ROLES,
    },
    { path: '/analytics/sales', label: 'analytics:nav.sales', icon: <RiseOutlined />, roles: SALES_ROLES },
    {
      path: '/analytics/service',
      label: 'analytics:nav.service',
      icon: <ToolOutlined />,
      roles: REPORT_ROLES,
    },
    {
      path: '/analytics/market',
      label: 'analytics:nav.market',
      icon: <LineChartOutlined />,
      roles: REPORT_ROLES,
    },
    {
      path: '/analytics/seven-ps',
      label: 'analytics:nav.sevenPs',
      icon: <AppstoreOutlined />,
      roles: REPORT_ROLES,
    },
  ],
  routes: (
    <>
      <Route path="/analytics/quality" element={<QualityPage />} />
      <Route path="/analytics/customers" element={<CustomersPage />} />
      <Route path="/analytics/sales" element={<SalesPage />} />
      <Route path="/analytics/service" element={<ServicePage />} />
      <Route path="/analytics/market" element={<MarketPage />} />
      <Route path="/analytics/seven-ps" element={<SevenPsPage />} />
    </>
  ),
};
