import { MessagingModule } from '@crm/messaging';
import { INTEGRATION_SCHEMA, INTEGRATION_SERVICE } from './integration.constants';

/** integration's outbox, relay and subscriber; one object, so every concept module that imports it shares them. */
export const IntegrationMessaging = MessagingModule.forService({
  service: INTEGRATION_SERVICE,
  schema: INTEGRATION_SCHEMA,
});
