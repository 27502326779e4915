import { Module } from '@nestjs/common';
import { ServiceMessaging } from '../service-messaging';
import { WebhookTargetsModule } from '../webhook-targets/webhook-targets.module';
import { StationPartnerScopeRegistration } from './station-partner-scope.registration';
import { StationReplicaConsumer } from './station-replica.consumer';
import { StationWebhookService } from './station-webhook.service';
import { StationController } from './station.controller';
import { StationRepository } from './station.repository';

/** The repair stations replicated from the customer master, and the webhooks they register. */
@Module({
  imports: [ServiceMessaging, WebhookTargetsModule],
  controllers: [StationController],
  providers: [
    StationRepository,
    StationReplicaConsumer,
    StationWebhookService,
    StationPartnerScopeRegistration,
  ],
  exports: [StationRepository],
})
export class StationsModule {}
