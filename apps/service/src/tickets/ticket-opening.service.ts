import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketOpened } from '@crm/contracts';
import { UnitOfWork } from '@crm/messaging';
import { OpenTicketCommand } from './open-ticket.command';
import { Ticket } from './ticket';
import { TicketEvents } from './ticket-events';
import { TicketJournal } from './ticket-journal';
import { TicketSubjectVerifier } from './ticket-subject.verifier';
import { TicketFactory } from './ticket.factory';
import { TicketRepository } from './ticket.repository';

/**
 * Opens a ticket. Whatever reacts to `ticket.opened` (routing, above all) does so in the same transaction, so the
 * ticket returned is the one after those reactions: routed before the agent hangs up.
 */
@Injectable()
export class TicketOpeningService {
  constructor(
    private readonly factory: TicketFactory,
    private readonly journal: TicketJournal,
    private readonly tickets: TicketRepository,
    private readonly events: TicketEvents,
    private readonly uow: UnitOfWork,
    private readonly subjects: TicketSubjectVerifier,
  ) {}

  /** A caller's ticket: who and what it is for are checked against the replicas first. */
  open(command: OpenTicketCommand): Promise<Ticket> {
    return this.uow.run(async (tx) => this.openWithin(tx, await this.subjects.verify(tx, command)));
  }

  /** Idempotent on the ticket id: a repeated command changes nothing and returns the ticket. */
  async openWithin(tx: EntityManager, command: OpenTicketCommand): Promise<Ticket> {
    const { ticket, created } = await this.factory.create(tx, command);
    if (!created) return ticket;
    const opened = this.events.of(TicketOpened, ticket, {});
    await this.journal.record(tx, ticket, { step: 'opened', note: `reported by ${ticket.channel}` }, opened);
    return (await this.tickets.findById(ticket.ticketId, tx)) as Ticket;
  }
}
