import { MessagingModule } from '@crm/messaging';
import { ANALYTICS_SCHEMA, ANALYTICS_SERVICE } from './analytics.constants';

/** analytics's outbox, relay and subscriber; one object, so every concept module that imports it shares them. */
export const AnalyticsMessaging = MessagingModule.forService({
  service: ANALYTICS_SERVICE,
  schema: ANALYTICS_SCHEMA,
});
