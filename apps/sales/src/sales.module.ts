import { Module } from '@nestjs/common';
import { SalesMessaging } from './sales-messaging';

/**
 * sales's concepts, one module per folder (controller, service, repository, entities, DTOs, handlers);
 * each concept module imports SalesMessaging for the outbox and the subscriber.
 */
@Module({
  imports: [SalesMessaging],
})
export class SalesModule {}
