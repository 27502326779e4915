import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventSubscriber } from '@crm/messaging';
import { registerProjectionHandlers } from './projection-handlers';
import { ProjectionStore } from './projection-store';

/** The live projections: thin handlers over the store, idempotent through the subscriber's processed ids. */
@Injectable()
export class ProjectionConsumers implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly store: ProjectionStore,
  ) {}

  onModuleInit(): void {
    registerProjectionHandlers(this.subscriber, this.store);
  }
}
