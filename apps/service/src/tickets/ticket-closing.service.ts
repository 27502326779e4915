import { Injectable } from '@nestjs/common';
import { TicketClosed } from '@crm/contracts';
import { Clock } from '@crm/core';
import { Ticket } from './ticket';
import { TicketEvents } from './ticket-events';
import { TicketJournal } from './ticket-journal';
import { assertCanStep } from './ticket-lifecycle';
import { TicketTransaction } from './ticket-transaction';

/** The agent closes a resolved ticket once the customer is satisfied. */
@Injectable()
export class TicketClosingService {
  constructor(
    private readonly transaction: TicketTransaction,
    private readonly journal: TicketJournal,
    private readonly events: TicketEvents,
    private readonly clock: Clock,
  ) {}

  close(id: string): Promise<Ticket> {
    return this.transaction.run(id, async (tx, ticket) => {
      assertCanStep(ticket.status, 'close');
      const closed: Ticket = { ...ticket, status: 'closed', closedAt: this.clock.now().toISOString() };
      return this.journal.record(tx, closed, { step: 'closed' }, this.events.of(TicketClosed, closed, {}));
    });
  }
}
