import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ActionConfig } from '../actions/workflow-action';
import { Condition } from '../conditions/condition';
import { RuleDraft, WorkflowRule } from './workflow-rule';

interface RuleRow {
  rule_id: string;
  name: string;
  event_type: string | null;
  cron: string | null;
  timezone: string | null;
  condition: Condition | null;
  actions: ActionConfig[];
  enabled: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface CronRule {
  rule: WorkflowRule;
  /** The last occurrence already turned into a firing, or when the rule was enabled. */
  cursor: Date;
}

const COLUMNS = `rule_id, name, event_type, cron, timezone, condition, actions, enabled, version, created_at, updated_at`;

@Injectable()
export class WorkflowRuleRepository {
  constructor(private readonly db: DataSource) {}

  async insert(ruleId: string, draft: RuleDraft, at: Date): Promise<WorkflowRule> {
    const [row]: RuleRow[] = await this.db.query(
      `INSERT INTO integration.workflow_rule (rule_id, name, event_type, cron, timezone, condition, actions, enabled,
         version, schedule_cursor, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9, $9) RETURNING ${COLUMNS}`,
      [ruleId, ...draftColumns(draft), at],
    );
    return toRule(row);
  }

  /** Replaces the rule only from `version`; null when it changed since. Enabling a cron rule starts it from now. */
  async update(ruleId: string, version: number, draft: RuleDraft, at: Date): Promise<WorkflowRule | null> {
    const [rows]: [RuleRow[]] = await this.db.query(
      `UPDATE integration.workflow_rule SET name = $3, event_type = $4, cron = $5, timezone = $6, condition = $7,
         actions = $8, schedule_cursor = CASE WHEN enabled AND cron IS NOT DISTINCT FROM $5 THEN schedule_cursor
           ELSE $10 END,
         enabled = $9, version = version + 1, updated_at = $10
        WHERE rule_id = $1 AND version = $2 RETURNING ${COLUMNS}`,
      [ruleId, version, ...draftColumns(draft), at],
    );
    return rows[0] ? toRule(rows[0]) : null;
  }

  async find(ruleId: string): Promise<WorkflowRule | null> {
    const [row]: RuleRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM integration.workflow_rule WHERE rule_id = $1`,
      [ruleId],
    );
    return row ? toRule(row) : null;
  }

  async list(limit: number, offset: number): Promise<WorkflowRule[]> {
    const rows: RuleRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM integration.workflow_rule ORDER BY created_at, rule_id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map(toRule);
  }

  /** The enabled rules an event of this type may fire, read in the consumer's transaction. */
  async enabledForEvent(tx: EntityManager, eventType: string): Promise<WorkflowRule[]> {
    const rows: RuleRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM integration.workflow_rule WHERE enabled AND event_type = $1`,
      [eventType],
    );
    return rows.map(toRule);
  }

  /** Enabled cron rules, locked for the caller's transaction (replicas skip a rule another one is scheduling). */
  async lockEnabledCron(tx: EntityManager): Promise<CronRule[]> {
    const rows: (RuleRow & { schedule_cursor: Date })[] = await tx.query(
      `SELECT ${COLUMNS}, schedule_cursor FROM integration.workflow_rule WHERE enabled AND cron IS NOT NULL
        FOR UPDATE SKIP LOCKED`,
    );
    return rows.map((row) => ({ rule: toRule(row), cursor: row.schedule_cursor }));
  }

  async moveCursor(tx: EntityManager, ruleId: string, cursor: Date): Promise<void> {
    await tx.query(`UPDATE integration.workflow_rule SET schedule_cursor = $2 WHERE rule_id = $1`, [
      ruleId,
      cursor,
    ]);
  }
}

function draftColumns(draft: RuleDraft): unknown[] {
  const trigger = draft.trigger;
  return [
    draft.name,
    'event' in trigger ? trigger.event : null,
    'cron' in trigger ? trigger.cron : null,
    'cron' in trigger ? trigger.timezone : null,
    draft.condition ? JSON.stringify(draft.condition) : null,
    JSON.stringify(draft.actions),
    draft.enabled,
  ];
}

function toRule(row: RuleRow): WorkflowRule {
  return {
    ruleId: row.rule_id,
    name: row.name,
    trigger: row.event_type
      ? { event: row.event_type }
      : { cron: row.cron as string, timezone: row.timezone as string },
    condition: row.condition,
    actions: row.actions,
    enabled: row.enabled,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
