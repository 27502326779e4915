import { agentArea } from '../agent/agent.area';
import { marketingArea } from '../marketing/marketing.area';
import type { ConsoleArea } from './console-area';

/** Every area of the console, in menu order: a new area adds one line here. */
export const AREAS: ConsoleArea[] = [agentArea, marketingArea];
