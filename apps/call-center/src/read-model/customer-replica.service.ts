import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerMerged, CustomerState, EventEnvelope, PayloadOf } from '@crm/contracts';
import { eraseFromMessagingTables, eventOrderOf } from '@crm/messaging';
import { CALL_CENTER_SCHEMA } from '../call-center.constants';
import { Customer360Invalidator } from './customer-360.invalidator';
import { CustomerHistoryRepository } from './customer-history.repository';
import { CustomerReplicaRepository } from './customer-replica.repository';
import { ErasedCustomerRepository } from './erased-customer.repository';

/** Keeps the call center's customer copy in step with the customer master. */
@Injectable()
export class CustomerReplicaService {
  constructor(
    private readonly customers: CustomerReplicaRepository,
    private readonly history: CustomerHistoryRepository,
    private readonly invalidator: Customer360Invalidator,
    private readonly erased: ErasedCustomerRepository,
  ) {}

  async apply(tx: EntityManager, event: EventEnvelope<CustomerState>): Promise<void> {
    if (await this.erased.isErased(tx, event.payload.customerId)) return;
    await this.customers.upsert(tx, event.payload, eventOrderOf(event));
    this.invalidator.afterCommit(tx, event.payload.customerId);
  }

  async merge(tx: EntityManager, event: EventEnvelope<PayloadOf<typeof CustomerMerged>>): Promise<void> {
    const { survivorId, mergedId, survivor } = event.payload;
    await this.customers.upsert(tx, survivor, eventOrderOf(event));
    await this.history.repoint(tx, mergedId, survivorId);
    await this.customers.delete(tx, mergedId);
    this.invalidator.afterCommit(tx, survivorId, mergedId);
  }

  /** Every copy goes, the outbox and dead letters are scrubbed, and a tombstone keeps late events out. */
  async erase(tx: EntityManager, customerId: string): Promise<void> {
    await this.erased.tombstone(tx, customerId);
    const traces = await this.erased.traces(tx, customerId);
    await this.history.erase(tx, customerId);
    await this.customers.delete(tx, customerId);
    await eraseFromMessagingTables(tx, CALL_CENTER_SCHEMA, traces);
    this.invalidator.afterCommit(tx, customerId);
  }
}
