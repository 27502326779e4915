import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@crm/core';
import { DeliveryDispatcher, RecordedAttempt, StartedAttempt } from '@crm/messaging';
import { WORKFLOW_SETTINGS, WorkflowSettings } from '../workflow-settings';
import { FiringExecutor, FiringResult } from './firing-executor';
import { DueFiring } from './workflow-firing';
import { WorkflowFiringRepository } from './workflow-firing.repository';

/**
 * Runs pending firings apart from the event stream, woken after the consumer commits them: a failing action is
 * retried with backoff and recorded, then the firing is failed, and no event waits for it.
 */
@Injectable()
export class WorkflowFiringDispatcher extends DeliveryDispatcher<DueFiring, FiringResult> {
  constructor(
    private readonly firings: WorkflowFiringRepository,
    private readonly executor: FiringExecutor,
    clock: Clock,
    @Inject(WORKFLOW_SETTINGS) private readonly settings: WorkflowSettings,
  ) {
    super(clock, {
      name: WorkflowFiringDispatcher.name,
      background: settings.backgroundJobs,
      pollIntervalMs: settings.pollIntervalMs,
    });
  }

  protected claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueFiring[]> {
    return this.firings.claimDue(now, leaseUntil, limit);
  }

  protected override beginAttempt(firing: DueFiring, started: StartedAttempt): Promise<void> {
    return this.firings.beginAttempt(firing.firingId, started);
  }

  protected send(firing: DueFiring): Promise<FiringResult> {
    return this.executor.run(firing);
  }

  protected record(firing: DueFiring, attempt: RecordedAttempt<FiringResult>): Promise<void> {
    const retry = attempt.attempt < this.settings.maxAttempts ? attempt.nextAttemptAt : null;
    return this.firings.recordAttempt(firing.firingId, {
      attempt: attempt.attempt,
      at: attempt.at,
      durationMs: attempt.durationMs,
      error: attempt.error,
      actions: attempt.actions,
      status: attempt.delivered ? 'succeeded' : retry ? 'pending' : 'failed',
      nextAttemptAt: attempt.delivered ? null : retry,
    });
  }
}
