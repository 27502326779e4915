import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '@crm/auth';
import { Money, OrderItem, OrderPlaced } from '@crm/contracts';
import { Clock, ConflictError, IdGenerator, NotFoundError } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { SalesScope, scopeOf } from '../hierarchy/sales-scope';
import { Opportunity } from '../opportunities/opportunity';
import { amountOfLines } from '../opportunities/opportunity-line';
import { OpportunityLineRepository } from '../opportunities/opportunity-line.repository';
import { OpportunityRepository } from '../opportunities/opportunity.repository';
import { WON_STAGE } from '../opportunities/pipeline';
import { quoteLineOf, statusOn } from '../quotes/quote';
import { QuoteRepository } from '../quotes/quote.repository';
import { Order, orderPlacedPayload, OrderSource } from './order';
import { OrderRepository } from './order.repository';

interface Placement {
  opportunity: Opportunity;
  quoteId: string | null;
  items: OrderItem[];
  total: Money;
}

/**
 * Places the one order of an opportunity, from its accepted quote or its won line items, and
 * publishes order.placed in the same transaction (outbox). The opportunity row is locked, so a
 * second order of the same deal is a 409, never a duplicate.
 */
@Injectable()
export class OrderPlacingService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly quotes: QuoteRepository,
    private readonly opportunities: OpportunityRepository,
    private readonly lines: OpportunityLineRepository,
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  place(principal: Principal, source: OrderSource): Promise<Order> {
    const scope = scopeOf(principal);
    return this.uow.run(async (tx) => {
      const placement =
        'quoteId' in source
          ? await this.fromQuote(tx, scope, source.quoteId)
          : await this.fromWonOpportunity(tx, scope, source.opportunityId);
      const existing = await this.orders.numberFor(tx, placement.opportunity.id);
      if (existing) throw new ConflictError(`this deal was already ordered as ${existing}`);
      const order = await this.order(tx, placement, principal.subject);
      await this.orders.insert(tx, order);
      await this.outbox.add(tx, this.events.create(OrderPlaced, order.id, orderPlacedPayload(order)));
      return order;
    });
  }

  private async fromQuote(tx: EntityManager, scope: SalesScope, quoteId: string): Promise<Placement> {
    const quote = await this.quotes.find(scope, quoteId, tx);
    if (!quote) throw new NotFoundError('quote', quoteId);
    const status = statusOn(quote, this.clock.now().toISOString().slice(0, 10));
    if (status !== 'accepted')
      throw new ConflictError(`quote ${quote.number} v${quote.version} is ${status}, not accepted`, {
        field: 'quoteId',
      });
    const opportunity = await this.lockOpportunity(tx, scope, quote.opportunityId);
    return { opportunity, quoteId, items: quote.lines, total: quote.total };
  }

  private async fromWonOpportunity(tx: EntityManager, scope: SalesScope, id: string): Promise<Placement> {
    const opportunity = await this.lockOpportunity(tx, scope, id);
    if (opportunity.stage !== WON_STAGE)
      throw new ConflictError(
        `opportunity ${id} is ${opportunity.stage}: only a won deal is ordered directly`,
        {
          field: 'opportunityId',
        },
      );
    const lines = await this.lines.linesOf(id, tx);
    const total = amountOfLines(lines);
    if (!total)
      throw new ConflictError(`opportunity ${id} has no line items to order`, { field: 'opportunityId' });
    return { opportunity, quoteId: null, items: lines.map(quoteLineOf), total };
  }

  private async lockOpportunity(tx: EntityManager, scope: SalesScope, id: string): Promise<Opportunity> {
    const opportunity = await this.opportunities.find(scope, id, tx, true);
    if (!opportunity) throw new NotFoundError('opportunity', id);
    return opportunity;
  }

  private async order(tx: EntityManager, placement: Placement, placedBy: string): Promise<Order> {
    const now = this.clock.now();
    const { opportunity } = placement;
    return {
      id: this.ids.next(),
      number: await this.orders.nextNumber(tx, now.getUTCFullYear()),
      opportunityId: opportunity.id,
      quoteId: placement.quoteId,
      customerId: opportunity.customerId,
      dealerId: opportunity.partnerId,
      ownerId: opportunity.ownerId,
      items: placement.items,
      total: placement.total,
      placedBy,
      placedAt: now.toISOString(),
    };
  }
}
