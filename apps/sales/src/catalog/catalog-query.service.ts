import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError } from '@crm/core';
import { CarModel, CatalogHit, CatalogNote, Price, Trim } from './catalog';
import { isEmpty, queryTerms } from './catalog-search-terms';
import { CatalogRepository } from './catalog.repository';
import { PriceListRepository } from './price-list.repository';

export interface ModelDetail extends CarModel {
  trims: Trim[];
  sellingPoints: CatalogNote[];
  faqs: CatalogNote[];
}

/** What reps and dealers read: models with their trims, notes and prices, and search over all of it. */
@Injectable()
export class CatalogQueryService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly prices: PriceListRepository,
    private readonly clock: Clock,
  ) {}

  listModels(): Promise<CarModel[]> {
    return this.catalog.listModels();
  }

  async model(id: string): Promise<ModelDetail> {
    const model = await this.catalog.findModel(id);
    if (!model) throw new NotFoundError('model', id);
    const [trims, sellingPoints, faqs] = await Promise.all([
      this.catalog.trimsOf(id),
      this.catalog.notesOf(id, 'selling_point'),
      this.catalog.notesOf(id, 'faq'),
    ]);
    return { ...model, trims, sellingPoints, faqs };
  }

  async trim(id: string): Promise<Trim & { prices: Price[] }> {
    const trim = await this.catalog.findTrim(id);
    if (!trim) throw new NotFoundError('trim', id);
    return { ...trim, prices: await this.prices.pricesOf(id) };
  }

  /** The price on `day`, today (UTC) unless told. */
  async priceOn(
    trimId: string,
    region: string,
    day = this.clock.now().toISOString().slice(0, 10),
  ): Promise<Price> {
    if (!(await this.catalog.findTrim(trimId))) throw new NotFoundError('trim', trimId);
    const price = await this.prices.priceOn(trimId, region, day);
    if (!price) throw new NotFoundError(`price of trim ${trimId} in ${region} on`, day);
    return price;
  }

  search(query: string, limit: number, offset: number): Promise<CatalogHit[]> {
    const terms = queryTerms(query);
    return isEmpty(terms) ? Promise.resolve([]) : this.catalog.search(terms, limit, offset);
  }
}
