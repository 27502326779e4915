import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OfferApplied } from '@crm/contracts';
import { Clock, ConflictError, NotFoundError } from '@crm/core';
import { EventFactory, Outbox } from '@crm/messaging';
import { Offer, stateOf } from './offer';
import { OfferGrantRepository } from './offer-grant.repository';

/** Billing's acknowledgement of an offer: `offer.applied` once; acknowledging it again answers the same offer. */
@Injectable()
export class OfferAcknowledgement {
  constructor(
    private readonly db: DataSource,
    private readonly grants: OfferGrantRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  applied(offerId: string, reference: string | null): Promise<Offer> {
    return this.db.transaction(async (tx) => {
      const offer = await this.grants.lock(tx, offerId);
      if (!offer) throw new NotFoundError('offer', offerId);
      if (offer.status === 'applied') return offer;
      if (offer.status === 'expired' || offer.status === 'withdrawn')
        throw new ConflictError(`offer ${offerId} was ${offer.status} at ${offer.endedAt}`, {
          offerStatus: offer.status,
        });
      const at = this.clock.now();
      await this.grants.markApplied(tx, offerId, at, reference);
      await this.outbox.add(
        tx,
        this.events.create(OfferApplied, offerId, {
          ...stateOf(offer),
          appliedAt: at.toISOString(),
          reference,
        }),
      );
      return { ...offer, status: 'applied', appliedAt: at.toISOString(), reference };
    });
  }

  async get(offerId: string): Promise<Offer> {
    const offer = await this.grants.find(offerId);
    if (!offer) throw new NotFoundError('offer', offerId);
    return offer;
  }

  forCustomer(customerId: string): Promise<Offer[]> {
    return this.grants.forCustomer(customerId);
  }
}
