import { MessagingModule } from '@crm/messaging';
import { WEB_TRACKING_SCHEMA, WEB_TRACKING_SERVICE } from './web-tracking.constants';

/** web-tracking's outbox, relay and subscriber; one object, so every concept module that imports it shares them. */
export const WebTrackingMessaging = MessagingModule.forService({
  service: WEB_TRACKING_SERVICE,
  schema: WEB_TRACKING_SCHEMA,
});
