import { Module } from '@nestjs/common';
import { CampaignsMessaging } from './campaigns-messaging';

/**
 * campaigns's concepts, one module per folder (controller, service, repository, entities, DTOs, handlers);
 * each concept module imports CampaignsMessaging for the outbox and the subscriber.
 */
@Module({
  imports: [CampaignsMessaging],
})
export class CampaignsModule {}
