import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerValueTierChanged, PayloadOf } from '@crm/contracts';
import { OfferCustomerRepository } from './offer-customer.repository';
import { OfferGrantRepository } from './offer-grant.repository';
import { OfferGranting } from './offer-granting';

/** Keeps each customer's offer inputs and evaluates the rules for them when those change, in the consumer's transaction. */
@Injectable()
export class OfferInputs {
  constructor(
    private readonly customers: OfferCustomerRepository,
    private readonly grants: OfferGrantRepository,
    private readonly granting: OfferGranting,
  ) {}

  async tierChanged(tx: EntityManager, change: PayloadOf<typeof CustomerValueTierChanged>): Promise<void> {
    await this.customers.setTier(tx, change.customerId, change.tier, change.computedAt);
    await this.granting.evaluateCustomer(tx, change.customerId);
  }

  /** A visit can only make a customer match less; the rules run anyway so every input change is evaluated. */
  async serviceVisited(tx: EntityManager, customerId: string, at: string): Promise<void> {
    await this.customers.recordServiceVisit(tx, customerId, at);
    await this.granting.evaluateCustomer(tx, customerId);
  }

  async merged(tx: EntityManager, mergedId: string, survivorId: string): Promise<void> {
    await this.granting.endForMergedCustomer(tx, mergedId);
    await this.customers.merge(tx, mergedId, survivorId);
    await this.granting.evaluateCustomer(tx, survivorId);
  }

  /** Nothing of the person stays; billing, subscribed to customer.erased, drops what it holds itself. */
  async erased(tx: EntityManager, customerId: string): Promise<void> {
    await this.grants.deleteForCustomer(tx, customerId);
    await this.customers.delete(tx, customerId);
  }
}
