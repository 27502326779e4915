import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketEscalated } from '@crm/contracts';
import { Clock } from '@crm/core';
import { Ticket } from '../tickets/ticket';
import { TicketEvents } from '../tickets/ticket-events';
import { TicketJournal } from '../tickets/ticket-journal';
import { TicketRepository } from '../tickets/ticket.repository';

const FINISHED = new Set(['resolved', 'closed']);

/**
 * Escalation asked for by a workflow rule (integration's escalate-ticket, ADR 0043), in the consumer's transaction:
 * the ticket row locked, then escalated as `manual` with the rule's note, unless it is finished or escalated already
 * (or unknown here), which changes nothing.
 */
@Injectable()
export class RequestedEscalation {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly journal: TicketJournal,
    private readonly events: TicketEvents,
    private readonly clock: Clock,
  ) {}

  async escalate(tx: EntityManager, ticketId: string, note: string): Promise<boolean> {
    const ticket = await this.tickets.findById(ticketId, tx, true);
    if (!ticket || ticket.escalated || FINISHED.has(ticket.status)) return false;
    const escalated: Ticket = { ...ticket, escalatedAt: this.clock.now().toISOString(), escalated: true };
    await this.journal.record(
      tx,
      escalated,
      { step: 'escalated', note: `workflow: ${note}` },
      this.events.of(TicketEscalated, escalated, { reason: 'manual', dueAt: null }),
    );
    return true;
  }
}
