import { Module } from '@nestjs/common';
import { StationsModule } from '../stations/stations.module';
import { TicketsModule } from '../tickets/tickets.module';
import { StationWebhookDeliveryController } from './station-webhook-delivery.controller';
import { StationWebhookHandler } from './station-webhook.handler';
import { WebhookDeliveryController } from './webhook-delivery.controller';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookTargetsModule } from '../webhook-targets/webhook-targets.module';

/** Station webhooks: written when a ticket is routed, in its transaction; sent after commit, retried with backoff. */
@Module({
  imports: [TicketsModule, StationsModule, WebhookTargetsModule],
  controllers: [WebhookDeliveryController, StationWebhookDeliveryController],
  providers: [WebhookDeliveryRepository, WebhookOutbox, WebhookDispatcher, StationWebhookHandler],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
