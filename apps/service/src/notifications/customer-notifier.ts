import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerContactRepository } from '../customers/customer-contact.repository';
import { Ticket } from '../tickets/ticket';
import { NOTIFICATION_CHANNELS, NotificationKind } from './notification';
import { NotificationFactsCollector } from './notification-facts.collector';
import { NotificationOutbox } from './notification-outbox';
import { renderNotification } from './notification-templates';
import { planRecipient } from './recipient-rules';

/**
 * Tells the customer about a ticket transition on every channel they agreed to, in the transition's transaction:
 * a message is written (or recorded as skipped, with why) if and only if the transition commits.
 */
@Injectable()
export class CustomerNotifier {
  constructor(
    private readonly contacts: CustomerContactRepository,
    private readonly facts: NotificationFactsCollector,
    private readonly outbox: NotificationOutbox,
  ) {}

  /** `causeEventId` identifies the step: a message is written once per step and channel. */
  async notify(
    tx: EntityManager,
    ticket: Ticket,
    kind: NotificationKind,
    causeEventId: string,
  ): Promise<void> {
    const contact = await this.contacts.find(tx, ticket.customerId);
    const facts = await this.facts.collect(tx, kind, ticket);
    const drafts = NOTIFICATION_CHANNELS.map((channel) => {
      const { recipient, skipReason } = planRecipient(contact, channel);
      const { subject, text } = renderNotification(facts, channel);
      const { ticketId, customerId } = ticket;
      return {
        ticketId,
        customerId,
        causeEventId,
        kind,
        channel,
        recipient,
        skipReason,
        subject,
        body: text,
      };
    });
    await this.outbox.add(tx, drafts);
  }
}
