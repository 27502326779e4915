import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketEscalated } from '@crm/contracts';
import { UnitOfWork } from '@crm/messaging';
import { Ticket } from '../tickets/ticket';
import { TicketEvents } from '../tickets/ticket-events';
import { TicketJournal } from '../tickets/ticket-journal';
import { TicketRepository } from '../tickets/ticket.repository';
import { BreachKind, SlaBreachRepository } from './sla-breach.repository';

const BATCH = 100;

const BREACHES = {
  response: { reason: 'response-sla-breached', due: 'responseDueAt', breached: 'responseBreachedAt' },
  resolution: { reason: 'resolution-sla-breached', due: 'resolutionDueAt', breached: 'resolutionBreachedAt' },
} as const;

/** Escalates every ticket past a due time, once per breached target. */
@Injectable()
export class SlaChecker {
  constructor(
    private readonly breaches: SlaBreachRepository,
    private readonly tickets: TicketRepository,
    private readonly journal: TicketJournal,
    private readonly events: TicketEvents,
    private readonly uow: UnitOfWork,
  ) {}

  /** Resolves with the number of escalations raised. */
  async checkBreaches(now: Date): Promise<number> {
    let total = 0;
    for (const kind of ['response', 'resolution'] as const) {
      for (;;) {
        const escalated = await this.uow.run((tx) => this.escalateBatch(tx, kind, now));
        total += escalated;
        if (escalated < BATCH) break;
      }
    }
    return total;
  }

  private async escalateBatch(tx: EntityManager, kind: BreachKind, now: Date): Promise<number> {
    const ids = await this.breaches.overdue(tx, kind, now, BATCH);
    for (const id of ids) await this.escalate(tx, (await this.tickets.findById(id, tx)) as Ticket, kind, now);
    return ids.length;
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
