import { agentArea } from '../agent/agent.area';
import { analyticsArea } from '../analytics/analytics.area';
import type { ConsoleArea } from './console-area';

/** Every area of the console, in menu order: a new area adds one line here. */
export const AREAS: ConsoleArea[] = [agentArea, analyticsArea];
