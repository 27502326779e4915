import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WakePollLoop } from '@crm/messaging';
import { NextStepReminders } from './next-step-reminders';

/** Next steps fall due with the passing of time, not with a commit: the loop only polls. */
const POLL_INTERVAL_MS = 60_000;

/**
 * Fires due reminders every minute in every instance; instances share the work safely (see
 * NextStepReminderRepository). Tests call NextStepReminders.fireDue with a clock they advance.
 */
@Injectable()
export class NextStepReminderLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: WakePollLoop;

  constructor(reminders: NextStepReminders) {
    this.loop = new WakePollLoop({
      name: NextStepReminderLoop.name,
      pass: () => reminders.fireDue(),
      pollIntervalMs: POLL_INTERVAL_MS,
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
