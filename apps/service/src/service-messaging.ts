import { MessagingModule } from '@crm/messaging';

export const SERVICE_SCHEMA = 'service';

/** The service's outbox, relay and subscriber; one object, so every concept module that imports it shares them. */
export const ServiceMessaging = MessagingModule.forService({ service: 'service', schema: SERVICE_SCHEMA });
