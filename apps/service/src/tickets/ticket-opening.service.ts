import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketOpened } from '@crm/contracts';
import { UnitOfWork } from '@crm/messaging';
import { TicketRoutingService } from '../routing/ticket-routing.service';
import { OpenTicketCommand } from './open-ticket.command';
import { Ticket } from './ticket';
import { TicketEvents } from './ticket-events';
import { TicketJournal } from './ticket-journal';
import { TicketFactory } from './ticket.factory';

/** Opens a ticket and routes it at once, in one transaction: the station is chosen before the agent hangs up. */
@Injectable()
export class TicketOpeningService {
  constructor(
    private readonly factory: TicketFactory,
    private readonly journal: TicketJournal,
    private readonly routing: TicketRoutingService,
    private readonly events: TicketEvents,
    private readonly uow: UnitOfWork,
  ) {}

  open(command: OpenTicketCommand): Promise<Ticket> {
    return this.uow.run((tx) => this.openWithin(tx, command));
  }

  /** Idempotent on the ticket id: a repeated command changes nothing and returns the ticket. */
  async openWithin(tx: EntityManager, command: OpenTicketCommand): Promise<Ticket> {
    const { ticket, created } = await this.factory.create(tx, command);
    if (!created) return ticket;
    const opened = this.events.of(TicketOpened, ticket, {});
    await this.journal.record(tx, ticket, { step: 'opened', note: `reported by ${ticket.channel}` }, opened);
    return this.routing.route(tx, ticket);
  }
}
