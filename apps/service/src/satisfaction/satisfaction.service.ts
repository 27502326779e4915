import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketSatisfactionRecorded } from '@crm/contracts';
import { Clock, ConflictError } from '@crm/core';
import { Ticket } from '../tickets/ticket';
import { TicketEvents } from '../tickets/ticket-events';
import { TicketJournal } from '../tickets/ticket-journal';
import { assertCanStep } from '../tickets/ticket-lifecycle';
import { TicketTransaction } from '../tickets/ticket-transaction';

export interface SatisfactionAnswer {
  score: number;
  comment?: string | null;
  /** How it was asked: by the agent on a follow-up call, or by the survey link. */
  via: 'agent' | 'survey';
}

/** The customer's 1-5 rating of a resolved ticket, recorded once and published. */
@Injectable()
export class SatisfactionService {
  constructor(
    private readonly transaction: TicketTransaction,
    private readonly journal: TicketJournal,
    private readonly events: TicketEvents,
    private readonly clock: Clock,
  ) {}

  record(ticketId: string, answer: SatisfactionAnswer): Promise<Ticket> {
    return this.transaction.run(ticketId, (tx, ticket) => this.recordWithin(tx, ticket, answer));
  }

  async recordWithin(tx: EntityManager, ticket: Ticket, answer: SatisfactionAnswer): Promise<Ticket> {
    assertCanStep(ticket.status, 'rate');
    if (ticket.satisfaction) throw new ConflictError(`Ticket ${ticket.ticketNumber} is rated already`);
    const comment = answer.comment ?? null;
    const rated: Ticket = {
      ...ticket,
      satisfaction: { score: answer.score, comment, recordedAt: this.clock.now().toISOString() },
    };
    const event = this.events.of(TicketSatisfactionRecorded, rated, { score: answer.score, comment });
    const note = `${answer.score}/5 via ${answer.via}`;
    return this.journal.record(tx, rated, { step: 'satisfaction-recorded', note }, event);
  }
}
