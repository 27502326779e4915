import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '@crm/auth';
import { Money } from '@crm/contracts';
import { ConflictError, IdGenerator, InvalidInputError, NotFoundError } from '@crm/core';
import { assertOffered } from '../catalog/catalog-offer';
import { CatalogRepository } from '../catalog/catalog.repository';
import { PriceListRepository } from '../catalog/price-list.repository';
import { scopeOf } from '../hierarchy/sales-scope';
import { Opportunity } from './opportunity';
import { amountOfLines, MAX_AMOUNT, OpportunityLine } from './opportunity-line';
import { OpportunityLineRepository } from './opportunity-line.repository';
import { OpportunityJournal } from './opportunity-journal';
import { OpportunityTransaction } from './opportunity-transaction';
import { OpportunityRepository } from './opportunity.repository';

export interface NewLine {
  trimId: string;
  quantity: number;
  /** Defaults to the price list's price for the opportunity's region on its expected close date (else today). */
  unitPrice?: Money;
  discount?: number;
}

export interface OpportunityLines {
  opportunityId: string;
  lines: OpportunityLine[];
  amount: Money | null;
}

/**
 * Products on an open opportunity. While it has lines its amount is their sum, recomputed in the
 * same transaction as every line change; the amount cannot be set by hand then (see OpportunityEditService).
 */
@Injectable()
export class OpportunityLineService {
  constructor(
    private readonly transaction: OpportunityTransaction,
    private readonly journal: OpportunityJournal,
    private readonly opportunities: OpportunityRepository,
    private readonly lines: OpportunityLineRepository,
    private readonly catalog: CatalogRepository,
    private readonly prices: PriceListRepository,
    private readonly ids: IdGenerator,
  ) {}

  async list(principal: Principal, opportunityId: string): Promise<OpportunityLines> {
    const opportunity = await this.opportunities.find(scopeOf(principal), opportunityId);
    if (!opportunity) throw new NotFoundError('opportunity', opportunityId);
    return { opportunityId, lines: await this.lines.linesOf(opportunityId), amount: opportunity.amount };
  }

  async add(principal: Principal, opportunityId: string, request: NewLine): Promise<OpportunityLines> {
    await this.transaction.run(principal, opportunityId, async ({ tx, opportunity, now }) => {
      const trim = await this.catalog.trimSummary(tx, request.trimId);
      if (!trim) throw new InvalidInputError([{ field: 'trimId', message: 'names no trim of the catalog' }]);
      await assertOffered(this.catalog, tx, [trim.trimId], 'trimId');
      const unitPrice = request.unitPrice ?? (await this.listPrice(tx, opportunity, request.trimId, now));
      const line: OpportunityLine = {
        ...trim,
        id: this.ids.next(),
        opportunityId,
        quantity: request.quantity,
        unitPrice,
        discount: request.discount ?? 0,
        createdAt: now.toISOString(),
      };
      if (line.discount > line.quantity * unitPrice.amount)
        throw new InvalidInputError([{ field: 'discount', message: 'is more than the line is worth' }]);
      const existing = await this.lines.linesOf(opportunityId, tx);
      if (existing.some((other) => other.unitPrice.currency !== unitPrice.currency))
        throw new ConflictError(`the opportunity's lines are in ${existing[0].unitPrice.currency}`, {
          field: 'unitPrice',
        });
      if ((amountOfLines([...existing, line])?.amount ?? 0) > MAX_AMOUNT)
        throw new InvalidInputError([
          { field: 'quantity', message: 'makes the amount larger than can be kept' },
        ]);
      await this.lines.insert(tx, line);
      await this.recomputeAmount(tx, opportunity);
    });
    return this.list(principal, opportunityId);
  }

  async remove(principal: Principal, opportunityId: string, lineId: string): Promise<OpportunityLines> {
    await this.transaction.run(principal, opportunityId, async ({ tx, opportunity }) => {
      if (!(await this.lines.remove(tx, opportunityId, lineId))) throw new NotFoundError('line', lineId);
      await this.recomputeAmount(tx, opportunity);
    });
    return this.list(principal, opportunityId);
  }

  /** Amount = sum of the lines; with the last line gone the amount is unknown again (null). */
  private async recomputeAmount(tx: EntityManager, opportunity: Opportunity): Promise<void> {
    opportunity.amount = amountOfLines(await this.lines.linesOf(opportunity.id, tx));
    await this.journal.changed(tx, opportunity);
  }

  private async listPrice(tx: EntityManager, o: Opportunity, trimId: string, now: Date): Promise<Money> {
    const day = o.expectedCloseDate ?? now.toISOString().slice(0, 10);
    if (!o.region)
      throw new ConflictError(
        'the opportunity has no region to price from: set its region or give a unitPrice',
        {
          field: 'unitPrice',
        },
      );
    const price = await this.prices.priceOn(trimId, o.region, day, tx);
    if (!price)
      throw new ConflictError(`trim ${trimId} has no price in ${o.region} on ${day}: give a unitPrice`, {
        field: 'unitPrice',
      });
    return price.price;
  }
}
