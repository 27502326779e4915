import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { SatisfactionModule } from '../satisfaction/satisfaction.module';
import { StationsModule } from '../stations/stations.module';
import { TicketsModule } from '../tickets/tickets.module';
import { CustomerErasedHandler } from './customer-erased.handler';
import { CustomerNotifier } from './customer-notifier';
import { DevMailboxController } from './dev-mailbox.controller';
import { DevMailboxRepository } from './dev-mailbox.repository';
import { notificationChannelProviders } from './notification-channel.providers';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationFactsCollector } from './notification-facts.collector';
import { NotificationOutbox } from './notification-outbox';
import { NotificationQueryRepository } from './notification-query.repository';
import { NotificationController } from './notification.controller';
import { NotificationRepository } from './notification.repository';
import { TicketNotificationHandler } from './ticket-notification.handler';

/** The customer's messages about their ticket, by email and SMS, written with the step and sent after commit. */
@Module({
  imports: [TicketsModule, CustomersModule, StationsModule, SatisfactionModule],
  controllers: [NotificationController, DevMailboxController],
  providers: [
    NotificationRepository,
    NotificationQueryRepository,
    NotificationOutbox,
    NotificationDispatcher,
    NotificationFactsCollector,
    CustomerNotifier,
    DevMailboxRepository,
    ...notificationChannelProviders,
    TicketNotificationHandler,
    CustomerErasedHandler,
  ],
  exports: [NotificationDispatcher],
})
export class NotificationsModule {}
