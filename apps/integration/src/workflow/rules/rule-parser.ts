import { Injectable } from '@nestjs/common';
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { FieldError, InvalidInputError } from '@crm/core';
import { placeholdersOf, SCHEDULED_AT } from '../actions/action-template';
import { ActionConfig } from '../actions/workflow-action';
import { WorkflowActions } from '../actions/workflow-actions';
import { parseCondition } from '../conditions/condition-parser';
import { payloadHasField, workflowEventDefinition } from './event-fields';
import { parsedOrCollect } from '@crm/http';
import { DEFAULT_TIME_ZONE, RuleDraft, RuleTrigger } from './workflow-rule';

const MAX_ACTIONS = 10;

const triggerSchema = z.union([
  z.strictObject({ event: z.string().trim().min(1).max(100) }),
  z.strictObject({
    cron: z.string().trim().min(1).max(100),
    timezone: z.string().trim().min(1).max(60).default(DEFAULT_TIME_ZONE),
  }),
]);

const ruleSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  trigger: z.unknown(),
  condition: z.unknown().optional(),
  actions: z.array(z.unknown()).min(1).max(MAX_ACTIONS),
  enabled: z.boolean().default(true),
});

/**
 * A rule from a request, every part checked: an event type the contracts do not know, a field its payload does not
 * have (in the condition or a template), a bad cron or an action's bad input is a 400 naming it.
 */
@Injectable()
export class RuleParser {
  constructor(private readonly actions: WorkflowActions) {}

  async parse(value: unknown, path = ''): Promise<RuleDraft> {
    const errors: FieldError[] = [];
    const at = (field: string) => (path ? `${path}.${field}` : field);
    const rule = parsedOrCollect(ruleSchema.safeParse(value), path || 'body', errors);
    if (!rule) throw new InvalidInputError(errors);
    const trigger = this.trigger(rule.trigger, at('trigger'), errors);
    const condition = this.condition(rule.condition, trigger, at('condition'), errors);
    const actions = await this.actionsOf(rule.actions, trigger, at('actions'), errors);
    if (errors.length > 0 || !trigger) throw new InvalidInputError(errors);
    return { name: rule.name, trigger, condition, actions, enabled: rule.enabled };
  }

  private trigger(value: unknown, path: string, errors: FieldError[]): RuleTrigger | null {
    const trigger = parsedOrCollect(triggerSchema.safeParse(value), path, errors);
    if (!trigger) return null;
    if ('event' in trigger) {
      if (workflowEventDefinition(trigger.event)) return trigger;
      errors.push({ field: `${path}.event`, message: `unknown event type ${trigger.event}` });
      return null;
    }
    const problem = cronProblem(trigger.cron, trigger.timezone);
    if (!problem) return trigger;
    errors.push({ field: `${path}.${problem.field}`, message: problem.message });
    return null;
  }

  private condition(value: unknown, trigger: RuleTrigger | null, path: string, errors: FieldError[]) {
    if (value === undefined || value === null || !trigger) return null;
    if ('event' in trigger) return parseCondition(value, trigger.event, path, errors);
    errors.push({ field: path, message: 'a cron rule has no event to test; leave the condition out' });
    return null;
  }

  private async actionsOf(
    values: unknown[],
    trigger: RuleTrigger | null,
    path: string,
    errors: FieldError[],
  ): Promise<ActionConfig[]> {
    const parsed: ActionConfig[] = [];
    for (const [index, value] of values.entries()) {
      const action = await this.action(value, trigger, `${path}[${index}]`, errors);
      if (action) parsed.push(action);
    }
    return parsed;
  }

  private async action(
    value: unknown,
    trigger: RuleTrigger | null,
    path: string,
    errors: FieldError[],
  ): Promise<ActionConfig | null> {
    const type = (value as { type?: unknown } | null)?.type;
    const action = typeof type === 'string' ? this.actions.get(type) : undefined;
    if (!action) {
      errors.push({ field: `${path}.type`, message: `one of ${this.actions.types().join(', ')}` });
      return null;
    }
    const config = parsedOrCollect(action.schema.safeParse(value), path, errors);
    if (!config) return null;
    const before = errors.length;
    for (const [field, template] of Object.entries(action.templates(config)))
      for (const placeholder of placeholdersOf(template)) {
        const problem = trigger && placeholderProblem(placeholder, trigger);
        if (problem) errors.push({ field: `${path}.${field}`, message: problem });
      }
    for (const problem of await action.check(config))
      errors.push({ field: `${path}.${problem.field}`, message: problem.message });
    return errors.length === before ? config : null;
  }
}

function placeholderProblem(placeholder: string, trigger: RuleTrigger): string | null {
  if ('cron' in trigger)
    return placeholder === SCHEDULED_AT ? null : `a cron rule's only placeholder is {{${SCHEDULED_AT}}}`;
  return payloadHasField(trigger.event, placeholder) ? null : `${trigger.event} has no field ${placeholder}`;
}

function cronProblem(cron: string, timezone: string): { field: string; message: string } | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    return { field: 'timezone', message: `unknown time zone ${timezone}` };
  }
  if (cron.split(/\s+/).length !== 5)
    return { field: 'cron', message: 'five fields: minute hour day-of-month month day-of-week' };
  try {
    CronExpressionParser.parse(cron, { tz: timezone });
    return null;
  } catch (error) {
    return { field: 'cron', message: `not a cron expression (${(error as Error).message})` };
  }
}
