import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerState } from '@crm/contracts';
import { ErasedCustomers, EventOrder } from '@crm/messaging';
import { PageViewRepository } from '../collect/page-view.repository';
import { BrowsingProfileService } from '../profiles/browsing-profile.service';
import { VisitorRepository } from '../visitors/visitor.repository';
import { CustomerConsentRepository } from './customer-consent.repository';
import { allowsWebTracking } from './web-tracking-consent';

/** What the customer master's events do to what the website kept about a person. */
@Injectable()
export class CustomerTrackingService {
  constructor(
    private readonly consents: CustomerConsentRepository,
    private readonly pageViews: PageViewRepository,
    private readonly visitors: VisitorRepository,
    private readonly profiles: BrowsingProfileService,
    private readonly erased: ErasedCustomers,
  ) {}

  /** A withdrawal deletes the customer's page views and links at once; granting again starts from nothing. */
  async applyState(tx: EntityManager, customer: CustomerState, order: EventOrder): Promise<void> {
    if (await this.erased.isErased(tx, customer.customerId)) return;
    const allowed = allowsWebTracking(customer);
    const changed = await this.consents.upsert(tx, customer.customerId, allowed, order);
    if (changed && !allowed) await this.forget(tx, customer.customerId);
  }

  /** The merged record's views and visitors become the survivor's; its profile goes, the survivor's is recomputed. */
  async merge(
    tx: EntityManager,
    merge: { mergedId: string; survivorId: string; survivor: CustomerState },
    order: EventOrder,
  ): Promise<void> {
    await this.pageViews.moveCustomer(tx, merge.mergedId, merge.survivorId);
    await this.visitors.moveCustomer(tx, merge.mergedId, merge.survivorId);
    await this.profiles.withdraw(tx, merge.mergedId);
    await this.consents.delete(tx, merge.mergedId);
    await this.applyState(tx, merge.survivor, order);
    await this.profiles.refresh(tx, merge.survivorId);
  }

  /** Every trace goes, and the tombstone keeps later beacons and events from bringing any back (ADR 0013). */
  async erase(tx: EntityManager, customerId: string): Promise<void> {
    await this.erased.tombstone(tx, customerId);
    await this.pageViews.deleteCustomer(tx, customerId);
    await this.visitors.deleteCustomer(tx, customerId);
    await this.consents.delete(tx, customerId);
    // Everyone consumes the erasure itself: no profile event is needed, and the row just goes.
    await this.profiles.discard(tx, customerId);
  }

  private async forget(tx: EntityManager, customerId: string): Promise<void> {
    await this.pageViews.deleteCustomer(tx, customerId);
    await this.visitors.deleteCustomer(tx, customerId);
    await this.profiles.withdraw(tx, customerId);
  }
}
