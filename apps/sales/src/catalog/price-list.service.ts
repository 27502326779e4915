import { Injectable } from '@nestjs/common';
import { ConflictError, IdGenerator, InvalidInputError, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { periodsOverlap, Price } from './catalog';
import { CatalogRepository } from './catalog.repository';
import { PriceListRepository } from './price-list.repository';

/** Regional price lists: one price per trim, region and day, so validity periods may not overlap. */
@Injectable()
export class PriceListService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly prices: PriceListRepository,
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
  ) {}

  /** The trim row is locked first, so two overlapping prices added at once cannot both pass the check. */
  addPrice(trimId: string, price: Omit<Price, 'id' | 'trimId'>): Promise<Price> {
    if (price.validTo !== null && price.validTo < price.validFrom)
      throw new InvalidInputError([{ field: 'validTo', message: 'is before validFrom' }]);
    return this.uow.run(async (tx) => {
      if (!(await this.catalog.findTrim(trimId, tx, true))) throw new NotFoundError('trim', trimId);
      const clash = (await this.prices.pricesOf(trimId, tx)).find(
        (existing) => existing.region === price.region && periodsOverlap(existing, price),
      );
      if (clash)
        throw new ConflictError(
          `trim ${trimId} already has a price in ${price.region} from ${clash.validFrom} to ${clash.validTo ?? 'open end'}`,
          { field: 'validFrom', conflictingPriceId: clash.id },
        );
      const created = { ...price, id: this.ids.next(), trimId };
      await this.prices.insert(tx, created);
      return created;
    });
  }
}
