import { Injectable } from '@nestjs/common';
import { DomainEvents } from '@crm/messaging';
import { DueNextStep } from './due-next-step';

export interface ReminderDomainEventMap {
  'next-step-due': { step: DueNextStep; remindedAt: string };
}

/** In-process events of reminders; notifications react to them in the reminder's transaction. */
@Injectable()
export class ReminderDomainEvents extends DomainEvents<ReminderDomainEventMap> {}
