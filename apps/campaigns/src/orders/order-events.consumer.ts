import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased, CustomerMerged, OrderPlaced } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { OrderReplicaService } from './order-replica.service';

/** Orders and the customer events that move or remove them, in one group so a person's erasure is never missed. */
export const ORDER_CONSUMER = 'order-replica';

@Injectable()
export class OrderEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly orders: OrderReplicaService,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(ORDER_CONSUMER, OrderPlaced, (event, tx) => this.orders.apply(tx, event));
    this.subscriber.on(ORDER_CONSUMER, CustomerMerged, (event, tx) => this.orders.merge(tx, event.payload));
    this.subscriber.on(ORDER_CONSUMER, CustomerErased, (event, tx) =>
      this.orders.erase(tx, event.payload.customerId),
    );
  }
}
