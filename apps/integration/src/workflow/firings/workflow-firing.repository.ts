import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StartedAttempt } from '@crm/messaging';
import { FiringInput, RenderedAction } from '../actions/workflow-action';
import { DueFiring, FiringAttempt, FiringStatus, FiringView, NewFiring } from './workflow-firing';

interface FiringRow {
  firing_id: string;
  rule_id: string;
  rule_version: number;
  source_key: string;
  input: FiringInput;
  actions: RenderedAction[];
  status: FiringStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  history: FiringAttempt[];
  created_at: Date;
  completed_at: Date | null;
}

export interface FiringOutcome extends FiringAttempt {
  status: FiringStatus;
  nextAttemptAt: Date | null;
}

const PURGE_BATCH = 1_000;

/** The firings table used as an outbox: written with the match, claimed and retried by the dispatcher. */
@Injectable()
export class WorkflowFiringRepository {
  constructor(private readonly db: DataSource) {}

  /** Adds the firing unless this rule fired for this source already; true when it was added. */
  async insertOnce(tx: EntityManager, firing: NewFiring): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO integration.workflow_firing (firing_id, rule_id, rule_version, source_key, input, actions, status,
         next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $7) ON CONFLICT (rule_id, source_key) DO NOTHING
       RETURNING firing_id`,
      [
        firing.firingId,
        firing.ruleId,
        firing.ruleVersion,
        firing.sourceKey,
        JSON.stringify(firing.input),
        JSON.stringify(firing.actions),
        firing.createdAt,
      ],
    );
    return inserted.length > 0;
  }

  /** Claims due firings by pushing their next attempt past a lease, so another replica skips them. */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueFiring[]> {
    const [rows]: [FiringRow[]] = await this.db.query(
      `UPDATE integration.workflow_firing SET next_attempt_at = $2
        WHERE firing_id IN (
          SELECT firing_id FROM integration.workflow_firing WHERE status = 'pending' AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING firing_id, rule_id, actions, attempts`,
      [now, leaseUntil, limit],
    );
    return rows.map((row) => ({
      firingId: row.firing_id,
      ruleId: row.rule_id,
      actions: row.actions,
      attempts: Number(row.attempts),
    }));
  }

  /** Written before the actions run: a crash mid-way leaves this attempt without an outcome, retried after the lease. */
  async beginAttempt(firingId: string, started: StartedAttempt): Promise<void> {
    const attempt: FiringAttempt = {
      attempt: started.attempt,
      at: started.at,
      durationMs: null,
      error: null,
    };
    await this.db.query(
      `UPDATE integration.workflow_firing SET attempts = $2, next_attempt_at = $3, history = history || $4::jsonb
        WHERE firing_id = $1`,
      [firingId, started.attempt, started.leaseUntil, JSON.stringify([attempt])],
    );
  }

  /** Replaces the attempt's entry begun above with its outcome. */
  async recordAttempt(firingId: string, outcome: FiringOutcome): Promise<void> {
    const { status, nextAttemptAt, ...attempt } = outcome;
    await this.db.query(
      `UPDATE integration.workflow_firing SET status = $2, attempts = $3, next_attempt_at = $4, last_error = $5,
         completed_at = CASE WHEN $2 = 'pending' THEN NULL ELSE $6::timestamptz END,
         history = (SELECT coalesce(jsonb_agg(entry ORDER BY ordinal), '[]') FROM jsonb_array_elements(history)
                      WITH ORDINALITY AS h(entry, ordinal) WHERE (entry->>'attempt')::int <> $3) || $7::jsonb
        WHERE firing_id = $1`,
      [
        firingId,
        status,
        attempt.attempt,
        nextAttemptAt,
        attempt.error,
        attempt.at,
        JSON.stringify([attempt]),
      ],
    );
  }

  /**
   * A person's erasure: firings about them keep no copy of the event (input and rendered actions are replaced), and
   * one not yet run is not run any more.
   */
  async forgetCustomer(tx: EntityManager, customerId: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE integration.workflow_firing
          SET input = '{"erased": true}', actions = '[]',
              status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
              last_error = CASE WHEN status = 'pending' THEN 'the customer was erased before it ran' ELSE last_error END,
              completed_at = coalesce(completed_at, $2)
        WHERE input->'event'->>'aggregateId' = $1 OR input->'event'->'payload'->>'customerId' = $1`,
      [customerId, at],
    );
  }

  /**
   * Retention: finished firings completed before `before` go with the done tasks they made, in batches; a firing
   * whose task is still open stays (the task needs it). Resolves with how many firings went.
   */
  async purgeFinished(before: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.db.transaction(async (tx) => {
        const batch: { firing_id: string }[] = await tx.query(
          `SELECT f.firing_id FROM integration.workflow_firing f
            WHERE f.status <> 'pending' AND f.completed_at < $1
              AND NOT EXISTS (SELECT 1 FROM integration.workflow_task t
                               WHERE t.firing_id = f.firing_id AND t.status = 'open')
            LIMIT ${PURGE_BATCH} FOR UPDATE SKIP LOCKED`,
          [before],
        );
        const ids = batch.map((row) => row.firing_id);
        if (ids.length === 0) return 0;
        await tx.query(`DELETE FROM integration.workflow_task WHERE firing_id = ANY($1)`, [ids]);
        await tx.query(`DELETE FROM integration.workflow_firing WHERE firing_id = ANY($1)`, [ids]);
        return ids.length;
      });
      total += deleted;
      if (deleted < PURGE_BATCH) return total;
    }
  }

  async forRule(ruleId: string, limit: number, offset: number): Promise<FiringView[]> {
    const rows: FiringRow[] = await this.db.query(
      `SELECT * FROM integration.workflow_firing WHERE rule_id = $1 ORDER BY created_at DESC, firing_id
        LIMIT $2 OFFSET $3`,
      [ruleId, limit, offset],
    );
    return rows.map(toView);
  }
}

function toView(row: FiringRow): FiringView {
  return {
    firingId: row.firing_id,
    ruleId: row.rule_id,
    ruleVersion: row.rule_version,
    sourceKey: row.source_key,
    input: row.input,
    actions: row.actions,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    lastError: row.last_error,
    history: row.history,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}
