import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErasedCustomers } from '@crm/messaging';
import { CustomerConsentRepository } from './customer-consent.repository';

/**
 * Whether page views may be kept about a known customer: not erased, and not withdrawn in the customer master
 * (the visitor's consent on the site is checked before, for everyone).
 */
@Injectable()
export class TrackingPermission {
  constructor(
    private readonly consents: CustomerConsentRepository,
    private readonly erased: ErasedCustomers,
  ) {}

  async mayTrack(tx: EntityManager, customerId: string): Promise<boolean> {
    if (await this.erased.isErased(tx, customerId)) return false;
    return (await this.consents.trackingAllowed(tx, customerId)) !== false;
  }
}
