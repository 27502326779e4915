import { Injectable } from '@nestjs/common';
import { ConflictError, IdGenerator, InvalidInputError, NotFoundError } from '@crm/core';
import { EntityManager } from 'typeorm';
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
    assertPeriod(price);
    return this.uow.run(async (tx) => {
      if (!(await this.catalog.findTrim(trimId, tx, true))) throw new NotFoundError('trim', trimId);
      const created = { ...price, id: this.ids.next(), trimId };
      await this.assertNoOverlap(tx, created, 'validFrom');
      await this.prices.insert(tx, created);
      return created;
    });
  }

  /**
   * Ends a price on `validTo` (or opens its end again with null) after the fact, under the same trim row lock
   * and no-overlap rule as adding one.
   */
  changeValidTo(id: string, validTo: string | null): Promise<Price> {
    return this.uow.run(async (tx) => {
      const found = await this.prices.find(id, tx);
      if (!found) throw new NotFoundError('price', id);
      await this.catalog.findTrim(found.trimId, tx, true);
      // Read again under the lock: another change of this price may have committed meanwhile.
      const price = { ...((await this.prices.find(id, tx)) as Price), validTo };
      assertPeriod(price);
      await this.assertNoOverlap(tx, price, 'validTo');
      await this.prices.updateValidTo(tx, price);
      return price;
    });
  }

  private async assertNoOverlap(tx: EntityManager, price: Price, field: 'validFrom' | 'validTo') {
    const clash = (await this.prices.pricesOf(price.trimId, tx)).find(
      (other) => other.id !== price.id && other.region === price.region && periodsOverlap(other, price),
    );
    if (clash)
      throw new ConflictError(
        `trim ${price.trimId} already has a price in ${price.region} from ${clash.validFrom} to ${clash.validTo ?? 'open end'}`,
        { field, conflictingPriceId: clash.id },
      );
  }
}

function assertPeriod(price: Pick<Price, 'validFrom' | 'validTo'>): void {
  if (price.validTo !== null && price.validTo < price.validFrom)
    throw new InvalidInputError([{ field: 'validTo', message: 'is before validFrom' }]);
}
