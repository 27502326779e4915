import { CarOutlined, FileSearchOutlined, RiseOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import type { ConsoleArea } from '../areas/console-area';
import { dealerTexts } from './texts';

const VehiclesPage = lazy(() =>
  import('./vehicles.page').then((module) => ({ default: module.VehiclesPage })),
);
const CustomersPage = lazy(() =>
  import('./customers.page').then((module) => ({ default: module.CustomersPage })),
);
const CustomerPage = lazy(() =>
  import('./customer.page').then((module) => ({ default: module.CustomerPage })),
);
const TicketsPage = lazy(() => import('./tickets.page').then((module) => ({ default: module.TicketsPage })));
const TicketPage = lazy(() => import('./ticket.page').then((module) => ({ default: module.TicketPage })));
const LeadsPage = lazy(() => import('./leads.page').then((module) => ({ default: module.LeadsPage })));

/** The dealer portal: the vehicles it sold, its customers, their tickets and its leads; only its own. */
export const dealerArea: ConsoleArea = {
  name: 'dealer',
  texts: dealerTexts,
  nav: [
    { path: '/dealer/vehicles', label: 'dealer:nav.vehicles', icon: <CarOutlined />, roles: ['dealer'] },
    { path: '/dealer/customers', label: 'dealer:nav.customers', icon: <TeamOutlined />, roles: ['dealer'] },
    { path: '/dealer/tickets', label: 'dealer:nav.tickets', icon: <FileSearchOutlined />, roles: ['dealer'] },
    { path: '/dealer/leads', label: 'dealer:nav.leads', icon: <RiseOutlined />, roles: ['dealer'] },
  ],
  routes: (
    <>
      <Route path="/dealer/vehicles" element={<VehiclesPage />} />
      <Route path="/dealer/customers" element={<CustomersPage />} />
      <Route path="/dealer/customers/:customerId" element={<CustomerPage />} />
      <Route path="/dealer/tickets" element={<TicketsPage />} />
      <Route path="/dealer/tickets/:ticketId" element={<TicketPage />} />
      <Route path="/dealer/leads" element={<LeadsPage />} />
    </>
  ),
};
