import { z } from 'zod';
import { EventEnvelope } from '@crm/contracts';
import { FieldError } from '@crm/core';

/** What a firing reacts to: one event, or one scheduled time of a cron rule. */
export type FiringInput = { event: EventEnvelope } | { scheduledAt: string };

/** An action as configured in a rule: its type names the class that runs it. */
export interface ActionConfig {
  type: string;
}

/** An action with its templates filled in: what a firing records and what a dry run shows. */
export interface RenderedAction {
  type: string;
  [input: string]: unknown;
}

/** Who runs a firing's action, and under which idempotency key (the firing id and the action's place in the rule). */
export interface ActionRun {
  firingId: string;
  ruleId: string;
  actionIndex: number;
  /** Stable across retries: the receiver (or our own table) drops a second effect under the same key. */
  idempotencyKey: string;
}

/**
 * One kind of action (create-task, call-subscriber, ...): its configuration's schema, the templates in it, how it is
 * rendered for an input (pure: the dry run uses it) and how it is executed. `execute` throws when it did not happen;
 * it may run again for the same firing after a crash, so its effect is keyed by `run.idempotencyKey`.
 */
export abstract class WorkflowAction<
  C extends ActionConfig = ActionConfig,
  R extends RenderedAction = RenderedAction,
> {
  abstract readonly type: string;
  abstract readonly schema: z.ZodType<C>;
  /** The configuration's template texts by field name, whose placeholders must name fields of the trigger. */
  abstract templates(config: C): Record<string, string>;
  abstract render(config: C, input: FiringInput, now: Date): R;
  abstract execute(rendered: R, run: ActionRun): Promise<void>;

  /** Checks beyond the schema that need I/O (an address to resolve); field names are relative to the action. */
  async check(_config: C): Promise<FieldError[]> {
    return [];
  }
}
