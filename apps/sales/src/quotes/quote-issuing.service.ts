import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock, ConflictError, IdGenerator, InvalidInputError, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { assertOffered } from '../catalog/catalog-offer';
import { CatalogRepository } from '../catalog/catalog.repository';
import { scopeOf } from '../hierarchy/sales-scope';
import { amountOfLines } from '../opportunities/opportunity-line';
import { OpportunityLineRepository } from '../opportunities/opportunity-line.repository';
import { OpportunityRepository } from '../opportunities/opportunity.repository';
import { Quote, quoteLineOf } from './quote';
import { QuoteRepository } from './quote.repository';

export interface QuoteRequest {
  opportunityId: string;
  validUntil: string;
  terms?: string;
  /** Defaults to the customer's name as sales knows it. */
  customerName?: string;
}

/**
 * Issues a quote from an opportunity's line items: the first gets a new number, later ones the same
 * number with the next version. The opportunity row is locked so two quotes never share a version.
 */
@Injectable()
export class QuoteIssuingService {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly opportunities: OpportunityRepository,
    private readonly lines: OpportunityLineRepository,
    private readonly catalog: CatalogRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  issue(principal: Principal, request: QuoteRequest): Promise<Quote> {
    const now = this.clock.now();
    if (request.validUntil < now.toISOString().slice(0, 10))
      throw new InvalidInputError([{ field: 'validUntil', message: 'is in the past' }]);
    return this.uow.run(async (tx) => {
      const opportunity = await this.opportunities.find(scopeOf(principal), request.opportunityId, tx, true);
      if (!opportunity) throw new NotFoundError('opportunity', request.opportunityId);
      const lines = await this.lines.linesOf(opportunity.id, tx);
      const total = amountOfLines(lines);
      if (!total)
        throw new ConflictError('the opportunity has no line items to quote', { field: 'opportunityId' });
      await assertOffered(
        this.catalog,
        tx,
        lines.map((line) => line.trimId),
        'opportunityId',
      );
      const latest = await this.quotes.latestOf(tx, opportunity.id);
      const customerName =
        request.customerName ??
        (opportunity.customerId ? await this.quotes.customerName(tx, opportunity.customerId) : null);
      const quote: Quote = {
        id: this.ids.next(),
        number: latest?.number ?? (await this.quotes.nextNumber(tx, now.getUTCFullYear())),
        version: (latest?.version ?? 0) + 1,
        opportunityId: opportunity.id,
        customerId: opportunity.customerId,
        customerName,
        status: 'draft',
        validUntil: request.validUntil,
        terms: request.terms ?? null,
        lines: lines.map(quoteLineOf),
        total,
        createdBy: principal.subject,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await this.quotes.insert(tx, quote);
      return quote;
    });
  }
}
