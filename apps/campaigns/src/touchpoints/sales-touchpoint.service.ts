import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActivityLogged, CustomerMerged, LeadCaptured, LeadConverted, PayloadOf } from '@crm/contracts';
import { ErasedCustomers } from '@crm/messaging';
import { TouchpointRepository } from './touchpoint.repository';

/** Sales' leads and test drives (a logged activity of type test_drive) as conversions of their customer. */
@Injectable()
export class SalesTouchpointService {
  constructor(
    private readonly touchpoints: TouchpointRepository,
    private readonly erased: ErasedCustomers,
  ) {}

  async leadCaptured(tx: EntityManager, lead: PayloadOf<typeof LeadCaptured>): Promise<void> {
    if (await this.erased.isErased(tx, lead.customerId)) return;
    await this.touchpoints.captureLead(tx, lead.leadId, lead.customerId, lead.capturedAt);
  }

  async leadConverted(tx: EntityManager, lead: PayloadOf<typeof LeadConverted>): Promise<void> {
    if (!lead.customerId || (await this.erased.isErased(tx, lead.customerId))) return;
    await this.touchpoints.linkLead(tx, lead.leadId, lead.customerId, lead.convertedAt);
  }

  async activityLogged(tx: EntityManager, activity: PayloadOf<typeof ActivityLogged>): Promise<void> {
    const { type, customerId, leadId, activityId, occurredAt } = activity;
    if (type !== 'test_drive') return;
    if (customerId) {
      if (await this.erased.isErased(tx, customerId)) return;
      await this.touchpoints.record(tx, 'test_drive', activityId, customerId, occurredAt);
    } else if (leadId) await this.touchpoints.recordLeadTestDrive(tx, activityId, leadId, occurredAt);
  }

  merge(tx: EntityManager, merged: PayloadOf<typeof CustomerMerged>): Promise<void> {
    return this.touchpoints.repointCustomer(tx, merged.mergedId, merged.survivorId);
  }

  /** The tombstone is written here too: this consumer may see the erasure before the customer replica does. */
  async erase(tx: EntityManager, customerId: string): Promise<void> {
    await this.erased.tombstone(tx, customerId);
    await this.touchpoints.deleteFor(tx, customerId);
  }
}
