import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerMerged, CustomerState, EventEnvelope, PayloadOf, VehicleState } from '@crm/contracts';
import { eraseFromMessagingTables, ErasedCustomers, EventOrder, eventOrderOf } from '@crm/messaging';
import { CAMPAIGNS_SCHEMA } from '../campaigns.constants';
import { CustomerReplicaRepository } from './customer-replica.repository';
import { VehicleReplicaRepository } from './vehicle-replica.repository';

/** Keeps campaigns' customer and vehicle copy in step with the customer master; an erased person stays out. */
@Injectable()
export class CustomerReplicaService {
  constructor(
    private readonly customers: CustomerReplicaRepository,
    private readonly vehicles: VehicleReplicaRepository,
    private readonly erased: ErasedCustomers,
  ) {}

  async apply(tx: EntityManager, event: EventEnvelope<CustomerState>): Promise<void> {
    if (await this.erased.isErased(tx, event.payload.customerId)) return;
    await this.upsertCustomer(tx, event.payload, eventOrderOf(event));
  }

  async merge(tx: EntityManager, event: EventEnvelope<PayloadOf<typeof CustomerMerged>>): Promise<void> {
    const { survivorId, mergedId, survivor } = event.payload;
    await this.vehicles.repointOwner(tx, mergedId, survivorId);
    await this.upsertCustomer(tx, survivor, eventOrderOf(event));
    await this.customers.delete(tx, mergedId);
  }

  async applyVehicle(tx: EntityManager, event: EventEnvelope<VehicleState>): Promise<void> {
    if (await this.erased.isErased(tx, event.payload.ownerCustomerId)) return;
    await this.vehicles.upsert(tx, event.payload, eventOrderOf(event));
  }

  /** The person and their vehicles go, a tombstone keeps late events out, and the messaging tables are scrubbed. */
  async erase(tx: EntityManager, customerId: string): Promise<void> {
    await this.erased.tombstone(tx, customerId);
    const traces = await this.customers.traces(tx, customerId);
    await this.vehicles.deleteOwnedBy(tx, customerId);
    await this.customers.delete(tx, customerId);
    await eraseFromMessagingTables(tx, CAMPAIGNS_SCHEMA, traces);
  }

  /** A customer row created after its vehicles (they come on another topic) picks up their models and dates. */
  private async upsertCustomer(tx: EntityManager, state: CustomerState, order: EventOrder): Promise<void> {
    await this.vehicles.lockOwners(tx, [state.customerId]);
    if (await this.customers.upsert(tx, state, order))
      await this.vehicles.refreshOwners(tx, [state.customerId]);
  }
}
