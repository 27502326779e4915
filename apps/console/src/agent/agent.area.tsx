import { CustomerServiceOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import type { ConsoleArea } from '../areas/console-area';

const SearchPage = lazy(() => import('./search.page').then((module) => ({ default: module.SearchPage })));
const CustomerPage = lazy(() =>
  import('./customer.page').then((module) => ({ default: module.CustomerPage })),
);

/** The call-center agent's desktop: search, the customer 360, interactions, complaints, screen pop. */
export const agentArea: ConsoleArea = {
  name: 'agent',
  nav: [{ path: '/agent', label: 'nav.agentDesktop', icon: <CustomerServiceOutlined />, roles: ['agent'] }],
  routes: (
    <>
      <Route path="/agent" element={<SearchPage />} />
      <Route path="/agent/customers/:customerId" element={<CustomerPage />} />
    </>
  ),
};
