import { Injectable, OnModuleInit } from '@nestjs/common';
import { TicketDomainEvents, TicketStep, ticketEventName } from '../tickets/ticket-domain-events';
import { NotificationKind, NotificationKinds } from './notification';
import { CustomerNotifier } from './customer-notifier';

/** The ticket steps the customer hears about. */
const KIND_BY_STEP: Partial<Record<TicketStep, NotificationKind>> = {
  opened: NotificationKinds.ticketReceived,
  routed: NotificationKinds.stationAssigned,
  'appointment-proposed': NotificationKinds.appointmentProposed,
  resolved: NotificationKinds.survey,
};

/** Writes the customer's messages about a ticket step in the step's transaction. */
@Injectable()
export class TicketNotificationHandler implements OnModuleInit {
  constructor(
    private readonly events: TicketDomainEvents,
    private readonly notifier: CustomerNotifier,
  ) {}

  onModuleInit(): void {
    for (const [step, kind] of Object.entries(KIND_BY_STEP) as [TicketStep, NotificationKind][])
      this.events.on(ticketEventName(step), ({ id, ticket }, tx) =>
        this.notifier.notify(tx, ticket, kind, id),
      );
  }
}
