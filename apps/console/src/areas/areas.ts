import { agentArea } from '../agent/agent.area';
import { serviceManagerArea } from '../service-manager/service-manager.area';
import { stationArea } from '../station/station.area';
import { dealerArea } from '../dealer/dealer.area';
import { salesArea } from '../sales/sales.area';
import { marketingArea } from '../marketing/marketing.area';
import { analyticsArea } from '../analytics/analytics.area';
import { adminArea } from '../admin/admin.area';
import type { ConsoleArea } from './console-area';

/** Every area of the console, in menu order: a new area adds one line here. */
export const AREAS: ConsoleArea[] = [
  agentArea,
  serviceManagerArea,
  stationArea,
  dealerArea,
  salesArea,
  marketingArea,
  analyticsArea,
  adminArea,
];
