import {
  FileTextOutlined,
  FundOutlined,
  InboxOutlined,
  ProjectOutlined,
  ScheduleOutlined,
  ShoppingCartOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import type { ConsoleArea } from '../areas/console-area';
import { salesTexts } from './texts';

const PipelinePage = lazy(() =>
  import('./pipeline.page').then((module) => ({ default: module.PipelinePage })),
);
const OpportunityPage = lazy(() =>
  import('./opportunity.page').then((module) => ({ default: module.OpportunityPage })),
);
const LeadsPage = lazy(() => import('./leads.page').then((module) => ({ default: module.LeadsPage })));
const ActivitiesPage = lazy(() =>
  import('./activities.page').then((module) => ({ default: module.ActivitiesPage })),
);
const QuotesPage = lazy(() => import('./quotes.page').then((module) => ({ default: module.QuotesPage })));
const OrdersPage = lazy(() => import('./orders.page').then((module) => ({ default: module.OrdersPage })));
const ManagerPage = lazy(() => import('./manager.page').then((module) => ({ default: module.ManagerPage })));

// Dealers' salespeople work their dealer's leads and deals through the same API (ADR 0011); quotas and
// forecasts are the sales tree's, so the manager view is not theirs.
const SELLERS = ['sales_rep', 'sales_manager', 'dealer'] as const;

/** Sales: the pipeline board, leads, activities, quotes and orders, and the manager's team view. */
export const salesArea: ConsoleArea = {
  name: 'sales',
  texts: salesTexts,
  nav: [
    { path: '/sales/pipeline', label: 'sales:nav.pipeline', icon: <ProjectOutlined />, roles: [...SELLERS] },
    { path: '/sales/leads', label: 'sales:nav.leads', icon: <InboxOutlined />, roles: [...SELLERS] },
    {
      path: '/sales/activities',
      label: 'sales:nav.activities',
      icon: <ScheduleOutlined />,
      roles: [...SELLERS],
    },
    { path: '/sales/quotes', label: 'sales:nav.quotes', icon: <FileTextOutlined />, roles: [...SELLERS] },
    { path: '/sales/orders', label: 'sales:nav.orders', icon: <ShoppingCartOutlined />, roles: [...SELLERS] },
    { path: '/sales/team', label: 'sales:nav.manager', icon: <FundOutlined />, roles: ['sales_manager'] },
  ],
  routes: (
    <>
      <Route path="/sales/pipeline" element={<PipelinePage />} />
      <Route path="/sales/opportunities/:opportunityId" element={<OpportunityPage />} />
      <Route path="/sales/leads" element={<LeadsPage />} />
      <Route path="/sales/activities" element={<ActivitiesPage />} />
      <Route path="/sales/quotes" element={<QuotesPage />} />
      <Route path="/sales/orders" element={<OrdersPage />} />
      <Route path="/sales/team" element={<ManagerPage />} />
    </>
  ),
};
