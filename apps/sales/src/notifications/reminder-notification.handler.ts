import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReminderDomainEvents } from '../reminders/reminder-domain-events';
import { SalesNotifier } from './sales-notifier';

/** Puts a next step that fell due in its owner's inbox. */
@Injectable()
export class ReminderNotificationHandler implements OnModuleInit {
  constructor(
    private readonly reminders: ReminderDomainEvents,
    private readonly notifier: SalesNotifier,
  ) {}

  onModuleInit(): void {
    this.reminders.on('next-step-due', async ({ step }, tx) => {
      await this.notifier.notify(tx, {
        recipientId: step.ownerId,
        kind: 'next_step_due',
        title: `Next step due ${step.nextStepDue}: ${step.nextStep}`,
        body: step.subject,
        recordType: 'activity',
        recordId: step.activityId,
        partnerId: step.partnerId,
      });
    });
  }
}
