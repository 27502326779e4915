import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NextBestOfferChanged } from '@crm/contracts';
import { NotFoundError } from '@crm/core';
import { EventFactory, Outbox } from '@crm/messaging';
import { offerReason } from './association-rule';
import { NextBestOfferRepository, OfferChange, StoredOffer } from './next-best-offer.repository';

/** Outbox rows added per call (a first recompute may give every customer an offer). */
const PUBLISH_BATCH = 1_000;

/**
 * Each customer's next best offer from the rules just stored: an offer whose product is new, another one or gone
 * is saved and announced with `next-best-offer.changed` in the caller's transaction; one whose product stays the
 * same is left as published, reason and `since` included (ADR 0034).
 */
@Injectable()
export class NextBestOfferService {
  constructor(
    private readonly offers: NextBestOfferRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
  ) {}

  /** Resolves how many customers' offers changed. */
  async update(tx: EntityManager, now: Date): Promise<number> {
    await this.offers.stage(tx);
    const changes = (await this.offers.changes(tx)).map(explained);
    await this.offers.deleteFor(
      tx,
      changes.filter((change) => !change.offer).map((change) => change.customerId),
    );
    await this.offers.save(
      tx,
      changes.flatMap(({ customerId, offer }) => (offer ? [{ customerId, ...offer }] : [])),
      now,
    );
    await this.publish(tx, changes, now);
    return changes.length;
  }

  async find(customerId: string): Promise<StoredOffer> {
    const offer = await this.offers.find(customerId);
    if (!offer) throw new NotFoundError('next best offer', customerId);
    return offer;
  }

  /** A merged-away or erased customer's offer goes without an event: their customer events already tell. */
  forget(tx: EntityManager, customerId: string): Promise<void> {
    return this.offers.deleteFor(tx, [customerId]);
  }

  private async publish(tx: EntityManager, changes: ReturnType<typeof explained>[], now: Date) {
    const changedAt = now.toISOString();
    for (let start = 0; start < changes.length; start += PUBLISH_BATCH)
      await this.outbox.add(
        tx,
        ...changes
          .slice(start, start + PUBLISH_BATCH)
          .map((change) =>
            this.events.create(NextBestOfferChanged, change.customerId, { ...change, changedAt }),
          ),
      );
  }
}

function explained({ customerId, offer }: OfferChange) {
  return { customerId, offer: offer && { ...offer, reason: offerReason(offer) } };
}
