import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CustomerMerged,
  EventEnvelope,
  PayloadOf,
  RepairRecorded,
  TicketSatisfactionRecorded,
} from '@crm/contracts';
import { ErasedCustomers } from '@crm/messaging';
import { TouchpointRepository } from '../touchpoints/touchpoint.repository';
import { ServiceHistoryRepository } from './service-history.repository';

/**
 * A repair is a service visit: the customer's last one for segments, and each one as a touchpoint for conversions and
 * the visit count (ADR 0046). A satisfaction rating is dated by its event (the payload carries no time).
 */
@Injectable()
export class ServiceHistoryService {
  constructor(
    private readonly history: ServiceHistoryRepository,
    private readonly touchpoints: TouchpointRepository,
    private readonly erased: ErasedCustomers,
  ) {}

  async applyRepair(
    tx: EntityManager,
    event: EventEnvelope<PayloadOf<typeof RepairRecorded>>,
  ): Promise<void> {
    const { repairId, customerId, repairedAt } = event.payload;
    if (await this.erased.isErased(tx, customerId)) return;
    await this.history.recordService(tx, customerId, repairedAt);
    await this.touchpoints.record(tx, 'service_visit', repairId, customerId, repairedAt);
  }

  async applyRating(
    tx: EntityManager,
    event: EventEnvelope<PayloadOf<typeof TicketSatisfactionRecorded>>,
  ): Promise<void> {
    const { customerId, score } = event.payload;
    if (await this.erased.isErased(tx, customerId)) return;
    await this.history.recordRating(tx, customerId, score, event.occurredAt);
  }

  async merge(tx: EntityManager, merged: PayloadOf<typeof CustomerMerged>): Promise<void> {
    await this.history.mergeInto(tx, merged.mergedId, merged.survivorId);
    await this.touchpoints.repointCustomer(tx, merged.mergedId, merged.survivorId);
  }

  /** The tombstone is written here too: this consumer may see the erasure before the customer replica does. */
  async erase(tx: EntityManager, customerId: string): Promise<void> {
    await this.erased.tombstone(tx, customerId);
    await this.history.deleteFor(tx, customerId);
    await this.touchpoints.deleteFor(tx, customerId);
  }
}
