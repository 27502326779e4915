import { AlertOutlined, EnvironmentOutlined, ProfileOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import type { ConsoleArea } from '../areas/console-area';
import { serviceManagerTexts } from './texts';

const BoardPage = lazy(() => import('./board.page').then((module) => ({ default: module.BoardPage })));
const StationMapPage = lazy(() =>
  import('./station-map.page').then((module) => ({ default: module.StationMapPage })),
);
const EscalationsPage = lazy(() =>
  import('./escalations.page').then((module) => ({ default: module.EscalationsPage })),
);
const TicketPage = lazy(() => import('./ticket.page').then((module) => ({ default: module.TicketPage })));

/** The service manager's area: the ticket board with SLA clocks, the station map, escalations, re-route by hand. */
export const serviceManagerArea: ConsoleArea = {
  name: 'serviceManager',
  texts: serviceManagerTexts,
  nav: [
    {
      path: '/service-manager/board',
      label: 'serviceManager:nav.board',
      icon: <ProfileOutlined />,
      roles: ['service_manager'],
    },
    {
      path: '/service-manager/map',
      label: 'serviceManager:nav.map',
      icon: <EnvironmentOutlined />,
      roles: ['service_manager'],
    },
    {
      path: '/service-manager/escalations',
      label: 'serviceManager:nav.escalations',
      icon: <AlertOutlined />,
      roles: ['service_manager'],
    },
  ],
  routes: (
    <>
      <Route path="/service-manager/board" element={<BoardPage />} />
      <Route path="/service-manager/map" element={<StationMapPage />} />
      <Route path="/service-manager/escalations" element={<EscalationsPage />} />
      <Route path="/service-manager/tickets/:ticketId" element={<TicketPage />} />
    </>
  ),
};
