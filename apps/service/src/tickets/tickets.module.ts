import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { ServiceMessaging } from '../service-messaging';
import { SlaPolicyModule } from '../sla-policy/sla-policy.module';
import { TicketClosingService } from './ticket-closing.service';
import { TicketDomainEvents } from './ticket-domain-events';
import { TicketEvents } from './ticket-events';
import { TicketHistoryRepository } from './ticket-history.repository';
import { TicketJournal } from './ticket-journal';
import { TicketOpeningService } from './ticket-opening.service';
import { TicketPartnerScopesRegistration } from './ticket-partner-scopes.registration';
import { TicketQueryService } from './ticket-query.service';
import { TicketReopeningService } from './ticket-reopening.service';
import { TicketSubjectVerifier } from './ticket-subject.verifier';
import { TicketTransaction } from './ticket-transaction';
import { TicketController } from './ticket.controller';
import { TicketFactory } from './ticket.factory';
import { TicketRepository } from './ticket.repository';

/**
 * The ticket core: a ticket's state, its journal and its transitions. It raises domain events and knows none of
 * the side concerns (routing, notifications, webhooks, SLA escalation) that react to them.
 */
@Module({
  imports: [ServiceMessaging, CustomersModule, SlaPolicyModule],
  controllers: [TicketController],
  providers: [
    TicketRepository,
    TicketHistoryRepository,
    TicketDomainEvents,
    TicketJournal,
    TicketEvents,
    TicketFactory,
    TicketTransaction,
    TicketOpeningService,
    TicketSubjectVerifier,
    TicketQueryService,
    TicketClosingService,
    TicketReopeningService,
    TicketPartnerScopesRegistration,
  ],
  exports: [
    TicketRepository,
    TicketDomainEvents,
    TicketJournal,
    TicketEvents,
    TicketTransaction,
    TicketOpeningService,
    TicketQueryService,
  ],
})
export class TicketsModule {}
