import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased, CustomerMerged, CustomerRegistered, CustomerUpdated } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { READ_MODEL_CONSUMER } from '../call-center.constants';
import { CustomerReplicaService } from './customer-replica.service';

@Injectable()
export class CustomerEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly replica: CustomerReplicaService,
  ) {}

  onModuleInit(): void {
    const consumer = READ_MODEL_CONSUMER;
    this.subscriber.on(consumer, CustomerRegistered, (event, tx) => this.replica.apply(tx, event));
    this.subscriber.on(consumer, CustomerUpdated, (event, tx) => this.replica.apply(tx, event));
    this.subscriber.on(consumer, CustomerMerged, (event, tx) => this.replica.merge(tx, event));
    this.subscriber.on(consumer, CustomerErased, (event, tx) =>
      this.replica.erase(tx, event.payload.customerId),
    );
  }
}
