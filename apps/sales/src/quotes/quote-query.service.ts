import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock, NotFoundError } from '@crm/core';
import { scopeOf } from '../hierarchy/sales-scope';
import { Quote, QuoteStatus, statusOn } from './quote';
import { QuoteFilter, QuoteRepository } from './quote.repository';

/** A quote as callers see it: with `expired` in place of a lapsed draft or sent status. */
export type QuoteReading = Omit<Quote, 'status'> & { status: QuoteStatus };

@Injectable()
export class QuoteQueryService {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly clock: Clock,
  ) {}

  async get(principal: Principal, id: string): Promise<QuoteReading> {
    const quote = await this.quotes.find(scopeOf(principal), id);
    if (!quote) throw new NotFoundError('quote', id);
    return this.reading(quote);
  }

  async list(principal: Principal, filter: QuoteFilter): Promise<QuoteReading[]> {
    return (await this.quotes.list(scopeOf(principal), filter)).map((quote) => this.reading(quote));
  }

  reading(quote: Quote): QuoteReading {
    return { ...quote, status: statusOn(quote, this.clock.now().toISOString().slice(0, 10)) };
  }
}
