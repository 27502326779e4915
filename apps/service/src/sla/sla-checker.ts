import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketEscalated } from '@crm/contracts';
import { UnitOfWork } from '@crm/messaging';
import { Ticket } from '../tickets/ticket';
import { TicketEvents } from '../tickets/ticket-events';
import { TicketJournal } from '../tickets/ticket-journal';
import { TicketTransaction } from '../tickets/ticket-transaction';
import { BreachKind, isOverdue } from './sla-clock';
import { SlaClockRepository } from './sla-clock.repository';

const BATCH = 100;

const BREACHES = {
  response: { reason: 'response-sla-breached', due: 'responseDueAt', breached: 'responseBreachedAt' },
  resolution: { reason: 'resolution-sla-breached', due: 'resolutionDueAt', breached: 'resolutionBreachedAt' },
} as const;

/**
 * Escalates every ticket past a due time, once per breached target. It finds them on its own
 * clocks (kept by SlaClockHandler) and escalates each as any transition does: with the ticket row
 * locked first, then its clock checked again, so a step taken meanwhile (an acceptance) wins.
 */
@Injectable()
export class SlaChecker {
  constructor(
    private readonly clocks: SlaClockRepository,
    private readonly uow: UnitOfWork,
    private readonly transaction: TicketTransaction,
    private readonly journal: TicketJournal,
    private readonly events: TicketEvents,
  ) {}

  /** Resolves with the number of escalations raised. */
  async checkBreaches(now: Date): Promise<number> {
    let total = 0;
    for (const kind of ['response', 'resolution'] as const) {
      for (;;) {
        const due = await this.uow.run((tx) => this.clocks.overdue(tx, kind, now, BATCH));
        let escalated = 0;
        for (const ticketId of due) if (await this.escalateIfOverdue(ticketId, kind, now)) escalated++;
        total += escalated;
        if (due.length < BATCH || escalated === 0) break;
      }
    }
    return total;
  }

  private escalateIfOverdue(ticketId: string, kind: BreachKind, now: Date): Promise<boolean> {
    return this.transaction.run(ticketId, async (tx, ticket) => {
      if (!isOverdue(await this.clocks.find(tx, ticketId), kind, now)) return false;
      await this.escalate(tx, ticket, kind, now);
      return true;
    });
  }

  private async escalate(tx: EntityManager, ticket: Ticket, kind: BreachKind, now: Date): Promise<void> {
    const breach = BREACHES[kind];
    const escalated: Ticket = { ...ticket, [breach.breached]: now.toISOString(), escalated: true };
    const dueAt = ticket[breach.due];
    const event = this.events.of(TicketEscalated, escalated, { reason: breach.reason, dueAt });
    await this.journal.record(
      tx,
      escalated,
      { step: 'escalated', note: `${breach.reason}, due ${dueAt}` },
      event,
    );
  }
}
