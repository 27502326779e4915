import { agentArea } from '../agent/agent.area';
import { salesArea } from '../sales/sales.area';
import type { ConsoleArea } from './console-area';

/** Every area of the console, in menu order: a new area adds one line here. */
export const AREAS: ConsoleArea[] = [agentArea, salesArea];
