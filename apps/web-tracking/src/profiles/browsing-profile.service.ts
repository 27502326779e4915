import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BrowsingProfile, BrowsingProfileChanged } from '@crm/contracts';
import { Clock } from '@crm/core';
import { EventFactory, Outbox } from '@crm/messaging';
import { PageViewRepository } from '../collect/page-view.repository';
import { BrowsingProfileRepository } from './browsing-profile.repository';

/**
 * Recomputes a customer's profile from their kept page views and publishes `browsing-profile.changed` through the
 * outbox only when what it says changed (ranked models and interests, visits, last visit, dwell by the minute): not on
 * every view.
 */
@Injectable()
export class BrowsingProfileService {
  constructor(
    private readonly pageViews: PageViewRepository,
    private readonly profiles: BrowsingProfileRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  async refresh(tx: EntityManager, customerId: string): Promise<void> {
    const [held, current] = await Promise.all([
      this.profiles.find(tx, customerId),
      this.pageViews.profileOf(tx, customerId),
    ]);
    if (sameProfile(held, current)) return;
    const at = this.clock.now();
    if (current) await this.profiles.save(tx, customerId, current, at);
    else await this.profiles.delete(tx, customerId);
    await this.publish(tx, customerId, current, at);
  }

  /** Drops the profile without recomputing (the person is withdrawn or merged away); announced when there was one. */
  async withdraw(tx: EntityManager, customerId: string): Promise<void> {
    if (await this.profiles.delete(tx, customerId))
      await this.publish(tx, customerId, null, this.clock.now());
  }

  /** Drops the profile silently: after an erasure, which every consumer applies itself. */
  async discard(tx: EntityManager, customerId: string): Promise<void> {
    await this.profiles.delete(tx, customerId);
  }

  private async publish(tx: EntityManager, customerId: string, profile: BrowsingProfile | null, at: Date) {
    await this.outbox.add(
      tx,
      this.events.create(BrowsingProfileChanged, customerId, {
        customerId,
        profile,
        changedAt: at.toISOString(),
      }),
    );
  }
}

function sameProfile(a: BrowsingProfile | null, b: BrowsingProfile | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.visits === b.visits &&
    a.lastVisitAt === b.lastVisitAt &&
    a.models.join('\n') === b.models.join('\n') &&
    a.interests.join('\n') === b.interests.join('\n') &&
    dwellMinutes(a) === dwellMinutes(b)
  );
}

/** Dwell is news by the whole minute (total and per model): a few seconds more on a page publish nothing. */
function dwellMinutes(profile: BrowsingProfile): string {
  const minutes = (seconds: number | undefined) =>
    seconds === undefined ? 'none' : Math.floor(seconds / 60);
  const perModel = (profile.modelDwell ?? []).map((model) => minutes(model.dwellSeconds));
  return [minutes(profile.dwellSeconds), ...perModel].join(',');
}
