import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerMerged, EventEnvelope, OrderPlaced, PayloadOf } from '@crm/contracts';
import { ErasedCustomers, eventOrderOf } from '@crm/messaging';
import { OrderReplicaRepository } from './order-replica.repository';

/** Keeps the orders of known people: an order without a customer selects no one; an erased person's stay out. */
@Injectable()
export class OrderReplicaService {
  constructor(
    private readonly orders: OrderReplicaRepository,
    private readonly erased: ErasedCustomers,
  ) {}

  async apply(tx: EntityManager, event: EventEnvelope<PayloadOf<typeof OrderPlaced>>): Promise<void> {
    const { customerId } = event.payload;
    if (!customerId || (await this.erased.isErased(tx, customerId))) return;
    await this.orders.upsert(tx, { ...event.payload, customerId }, eventOrderOf(event));
  }

  async merge(tx: EntityManager, merged: PayloadOf<typeof CustomerMerged>): Promise<void> {
    await this.orders.repointCustomer(tx, merged.mergedId, merged.survivorId);
  }

  /** The tombstone is written here too: this consumer may see the erasure before the customer replica does. */
  async erase(tx: EntityManager, customerId: string): Promise<void> {
    await this.erased.tombstone(tx, customerId);
    await this.orders.deleteFor(tx, customerId);
  }
}
