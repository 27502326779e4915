import { MessagingModule } from '@crm/messaging';
import { CAMPAIGNS_SCHEMA, CAMPAIGNS_SERVICE } from './campaigns.constants';

/** campaigns's outbox, relay and subscriber; one object, so every concept module that imports it shares them. */
export const CampaignsMessaging = MessagingModule.forService({
  service: CAMPAIGNS_SERVICE,
  schema: CAMPAIGNS_SCHEMA,
});
