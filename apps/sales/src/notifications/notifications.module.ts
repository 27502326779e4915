import { Module } from '@nestjs/common';
import { GuidanceModule } from '../guidance/guidance.module';
import { RemindersModule } from '../reminders/reminders.module';
import { SalesMessaging } from '../sales-messaging';
import { GuidanceNotificationHandler } from './guidance-notification.handler';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationPartnerScopeRegistration } from './notification-partner-scope.registration';
import { NotificationController } from './notification.controller';
import { ReminderNotificationHandler } from './reminder-notification.handler';
import { SalesNotificationRepository } from './sales-notification.repository';
import { SalesNotifier } from './sales-notifier';

/**
 * Sales users' in-app inboxes, fed by guidance comments and next-step reminders (it reacts to their domain
 * events); each notification is also announced as sales-notification.raised for the console.
 */
@Module({
  imports: [SalesMessaging, GuidanceModule, RemindersModule],
  controllers: [NotificationController],
  providers: [
    SalesNotificationRepository,
    SalesNotifier,
    NotificationInboxService,
    GuidanceNotificationHandler,
    ReminderNotificationHandler,
    NotificationPartnerScopeRegistration,
  ],
})
export class NotificationsModule {}
