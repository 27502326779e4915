import { Module } from '@nestjs/common';
import { SalesMessaging } from '../sales-messaging';
import { NextStepReminderLoop } from './next-step-reminder.loop';
import { NextStepReminderRepository } from './next-step-reminder.repository';
import { NextStepReminders } from './next-step-reminders';
import { ReminderDomainEvents } from './reminder-domain-events';

/** Reminders of activities' next steps as they fall due, once each, by a loop safe to run in every instance. */
@Module({
  imports: [SalesMessaging],
  providers: [NextStepReminderRepository, NextStepReminders, ReminderDomainEvents, NextStepReminderLoop],
  exports: [NextStepReminders, ReminderDomainEvents],
})
export class RemindersModule {}
