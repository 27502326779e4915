import { ApiOutlined, ToolOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import type { ConsoleArea } from '../areas/console-area';
import { stationTexts } from './texts';

const TicketsPage = lazy(() => import('./tickets.page').then((module) => ({ default: module.TicketsPage })));
const TicketPage = lazy(() => import('./ticket.page').then((module) => ({ default: module.TicketPage })));
const WebhooksPage = lazy(() =>
  import('./webhooks.page').then((module) => ({ default: module.WebhooksPage })),
);
const SurveyPage = lazy(() => import('./survey.page').then((module) => ({ default: module.SurveyPage })));

/** The repair station's portal (its tickets, the work on them, its webhook), and the customer's survey on that work. */
export const stationArea: ConsoleArea = {
  name: 'station',
  texts: stationTexts,
  nav: [
    {
      path: '/station/tickets',
      label: 'station:nav.tickets',
      icon: <ToolOutlined />,
      roles: ['repair_station'],
    },
    {
      path: '/station/webhooks',
      label: 'station:nav.webhooks',
      icon: <ApiOutlined />,
      roles: ['repair_station'],
    },
  ],
  routes: (
    <>
      <Route path="/station/tickets" element={<TicketsPage />} />
      <Route path="/station/tickets/:ticketId" element={<TicketPage />} />
      <Route path="/station/webhooks" element={<WebhooksPage />} />
    </>
  ),
  publicRoutes: <Route path="/survey/:token" element={<SurveyPage />} />,
};
