import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock, ConflictError, NotFoundError } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { scopeOf } from '../hierarchy/sales-scope';
import { Quote, QUOTE_STEPS, quoteStatusPayload, QuoteStep, statusOn } from './quote';
import { QuoteRepository } from './quote.repository';

/**
 * draft -> sent -> accepted | rejected, each step published (quote.sent, .accepted, .rejected) in its transaction.
 * An expired quote takes no step (issue a new version instead); expiry itself is derived on read, with no event.
 */
@Injectable()
export class QuoteStatusService {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  step(principal: Principal, id: string, step: QuoteStep): Promise<Quote> {
    return this.uow.run(async (tx) => {
      const quote = await this.quotes.find(scopeOf(principal), id, tx, true);
      if (!quote) throw new NotFoundError('quote', id);
      const now = this.clock.now();
      const status = statusOn(quote, now.toISOString().slice(0, 10));
      const { from, to, event } = QUOTE_STEPS[step];
      if (!(from as readonly string[]).includes(status))
        throw new ConflictError(`quote ${quote.number} v${quote.version} is ${status}: it cannot be ${to}`);
      Object.assign(quote, { status: to, updatedAt: now.toISOString() });
      await this.quotes.updateStatus(tx, quote);
      await this.outbox.add(
        tx,
        this.events.create(event, quote.id, quoteStatusPayload(quote, principal.subject)),
      );
      return quote;
    });
  }
}
