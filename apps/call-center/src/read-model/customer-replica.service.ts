import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerMerged, CustomerState, EventEnvelope, PayloadOf } from '@crm/contracts';
import { Customer360Invalidator } from './customer-360.invalidator';
import { CustomerHistoryRepository } from './customer-history.repository';
import { CustomerReplicaRepository } from './customer-replica.repository';

/** Keeps the call center's customer copy in step with the customer master. */
@Injectable()
export class CustomerReplicaService {
  constructor(
    private readonly customers: CustomerReplicaRepository,
    private readonly history: CustomerHistoryRepository,
    private readonly invalidator: Customer360Invalidator,
  ) {}

  async apply(tx: EntityManager, event: EventEnvelope<CustomerState>): Promise<void> {
    await this.customers.upsert(tx, event.payload, event.occurredAt);
    this.invalidator.afterCommit(tx, event.payload.customerId);
  }

  async merge(tx: EntityManager, event: EventEnvelope<PayloadOf<typeof CustomerMerged>>): Promise<void> {
    const { survivorId, mergedId, survivor } = event.payload;
    await this.customers.upsert(tx, survivor, event.occurredAt);
    await this.history.repoint(tx, mergedId, survivorId);
    await this.customers.delete(tx, mergedId);
    this.invalidator.afterCommit(tx, survivorId, mergedId);
  }

  async erase(tx: EntityManager, customerId: string): Promise<void> {
    await this.history.erase(tx, customerId);
    await this.customers.delete(tx, customerId);
    this.invalidator.afterCommit(tx, customerId);
  }
}
