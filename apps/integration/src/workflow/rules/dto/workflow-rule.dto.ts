import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONDITION_OPS } from '../../conditions/condition';

const TRIGGER_DESCRIPTION =
  '{ event: <type> } with a type from the event catalog (docs/events.md), or { cron: "<m h dom mon dow>", ' +
  'timezone?: <IANA zone, default Asia/Shanghai> }.';
const CONDITION_DESCRIPTION =
  'Event rules only. { all: [..] }, { any: [..] }, { not: .. } (at most 5 levels, 20 children each) or ' +
  `{ field: <dotted path over the payload>, op: ${CONDITION_OPS.join('|')}, value }; ` +
  'in takes a list, exists true/false or nothing. A field the event does not have is a 400 naming it.';
const ACTIONS_DESCRIPTION =
  '1 to 10 of: { type: create-task, title (may use {{payload.path}}), assignee: { role } | { userId }, ' +
  'dueInMinutes }, { type: send-message, channel: email|sms, to: [staff addresses or numbers], subject? (email), ' +
  'text } (templated; staff only: integration knows no customer consent), { type: call-subscriber, url } (a POST with Idempotency-Key = firing id and action index). ' +
  'Cron rules may use only {{scheduledAt}}.';

const RULE_EXAMPLE = {
  name: 'Escalation call for engine complaints',
  trigger: { event: 'ticket.opened' },
  condition: { all: [{ field: 'qualityType', op: 'eq', value: 'engine' }] },
  actions: [
    {
      type: 'create-task',
      title: 'Call back about ticket {{ticketId}}',
      assignee: { role: 'service_manager' },
      dueInMinutes: 240,
    },
  ],
  enabled: true,
};

/** A rule as written: when <trigger> and <condition> then <actions>. */
export class WorkflowRuleInput {
  @ApiProperty({ example: RULE_EXAMPLE.name, minLength: 1, maxLength: 200 }) name: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: TRIGGER_DESCRIPTION,
    example: RULE_EXAMPLE.trigger,
  })
  trigger: unknown;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: CONDITION_DESCRIPTION,
    example: RULE_EXAMPLE.condition,
  })
  condition?: unknown;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: ACTIONS_DESCRIPTION,
    example: RULE_EXAMPLE.actions,
  })
  actions: unknown[];
  @ApiPropertyOptional({ default: true }) enabled?: boolean;
}

export class WorkflowRuleReplacement extends WorkflowRuleInput {
  @ApiProperty({
    example: 1,
    minimum: 1,
    description: 'The version you read; 409 with currentVersion when it changed since',
  })
  version: number;
}

export class WorkflowRuleView extends WorkflowRuleInput {
  @ApiProperty({ format: 'uuid' }) ruleId: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class WorkflowRulePage {
  @ApiProperty({ type: [WorkflowRuleView] }) items: WorkflowRuleView[];
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class DryRunRequest {
  @ApiProperty({ type: WorkflowRuleInput, description: 'The rule to try; it is not saved' })
  rule: WorkflowRuleInput;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Try it on events received since then (default: every event kept, 7 days)',
  })
  since?: string;
}

export class DryRunMatchView {
  @ApiPropertyOptional({ format: 'uuid' }) eventId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) occurredAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Cron rules: the time it would fire' })
  scheduledAt?: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Each action with its templates filled in, as it would run',
  })
  actions: unknown[];
}

export class DryRunView {
  @ApiProperty({ description: 'Events (or cron times) tried' }) evaluated: number;
  @ApiProperty({ type: [DryRunMatchView] }) matches: DryRunMatchView[];
}

export class FiringView {
  @ApiProperty({ format: 'uuid' }) firingId: string;
  @ApiProperty({ format: 'uuid' }) ruleId: string;
  @ApiProperty() ruleVersion: number;
  @ApiProperty({ description: 'The event id, or cron:<scheduled time>' }) sourceKey: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event or { scheduledAt }' })
  input: unknown;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) actions: unknown[];
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Each attempt: at, durationMs, error and each action outcome',
  })
  history: unknown[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt: string | null;
}

export class FiringPage {
  @ApiProperty({ type: [FiringView] }) items: FiringView[];
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
