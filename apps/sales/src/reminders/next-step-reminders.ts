import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActivityNextStepDue } from '@crm/contracts';
import { Clock } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { DueNextStep } from './due-next-step';
import { NextStepReminderRepository } from './next-step-reminder.repository';
import { ReminderDomainEvents } from './reminder-domain-events';

const BATCH = 100;

/**
 * Reminds owners of next steps that fell due: once per next step, announced as activity.next-step-due and raised
 * in-process for the inbox, in the transaction that claims it. Due means the due day has begun in the owner's time zone (preferences/).
 */
@Injectable()
export class NextStepReminders {
  constructor(
    private readonly reminders: NextStepReminderRepository,
    private readonly domainEvents: ReminderDomainEvents,
    private readonly events: EventFactory,
    private readonly outbox: Outbox,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Resolves with the number of reminders this call fired. */
  async fireDue(): Promise<number> {
    const now = this.clock.now();
    let total = 0;
    for (;;) {
      const fired = await this.uow.run((tx) => this.fireBatch(tx, now));
      total += fired;
      if (fired < BATCH) return total;
    }
  }

  private async fireBatch(tx: EntityManager, now: Date): Promise<number> {
    const due = await this.reminders.claimDue(tx, now, BATCH);
    for (const step of due) await this.remind(tx, step, now.toISOString());
    return due.length;
  }

  private async remind(tx: EntityManager, step: DueNextStep, remindedAt: string): Promise<void> {
    await this.outbox.add(
      tx,
      this.events.create(ActivityNextStepDue, step.activityId, {
        activityId: step.activityId,
        ownerId: step.ownerId,
        nextStep: step.nextStep,
        nextStepDue: step.nextStepDue,
        customerId: step.customerId,
        leadId: step.leadId,
        opportunityId: step.opportunityId,
        partnerId: step.partnerId,
        remindedAt,
      }),
    );
    await this.domainEvents.raise(tx, 'next-step-due', { step, remindedAt });
  }
}
