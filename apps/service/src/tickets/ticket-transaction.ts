import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { Ticket } from './ticket';
import { TicketRepository } from './ticket.repository';

/** One transition of one ticket: a transaction with the ticket row locked, so two transitions never interleave. */
@Injectable()
export class TicketTransaction {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: TicketRepository,
  ) {}

  run<T>(ticketId: string, work: (tx: EntityManager, ticket: Ticket) => Promise<T>): Promise<T> {
    return this.uow.run(async (tx) => {
      const ticket = await this.tickets.findById(ticketId, tx, true);
      if (!ticket) throw new NotFoundError('ticket', ticketId);
      return work(tx, ticket);
    });
  }

  /**
   * As `run`, for a station acting on its ticket: the assignment is checked again under the row lock,
   * so a ticket re-routed away between the access check and the lock is 404 to the station that lost it.
   * Staff (no station) act on any ticket.
   */
  runAsStation<T>(
    ticketId: string,
    stationId: string | null,
    work: (tx: EntityManager, ticket: Ticket) => Promise<T>,
  ): Promise<T> {
    return this.run(ticketId, (tx, ticket) => {
      if (stationId !== null && ticket.stationId !== stationId) throw new NotFoundError('ticket', ticketId);
      return work(tx, ticket);
    });
  }
}
