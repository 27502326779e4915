import { ActionConfig } from '../actions/workflow-action';
import { Condition } from '../conditions/condition';

/** Cron expressions are read in China's time unless the rule names another zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export type RuleTrigger = { event: string } | { cron: string; timezone: string };

/** What an admin configures: when <trigger> and <condition> then <actions>. */
export interface RuleDraft {
  name: string;
  trigger: RuleTrigger;
  /** Event rules only; absent: every event of the type. */
  condition: Condition | null;
  actions: ActionConfig[];
  enabled: boolean;
}

export interface WorkflowRule extends RuleDraft {
  ruleId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
