import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@crm/core';
import { Ticket } from './ticket';
import { TicketHistoryRepository } from './ticket-history.repository';
import { buildTimeline, TicketTimeline } from './ticket-timeline';
import { TicketFilter, TicketRepository } from './ticket.repository';

@Injectable()
export class TicketQueryService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly history: TicketHistoryRepository,
  ) {}

  async get(id: string): Promise<Ticket> {
    const ticket = await this.tickets.findById(id);
    if (!ticket) throw new NotFoundError('ticket', id);
    return ticket;
  }

  list(filter: TicketFilter): Promise<Ticket[]> {
    return this.tickets.list(filter);
  }

  async timeline(id: string): Promise<TicketTimeline> {
    const ticket = await this.get(id);
    return buildTimeline(ticket, await this.history.forTicket(id));
  }
}
