import { MessagingModule } from '@crm/messaging';
import { SALES_SCHEMA, SALES_SERVICE } from './sales.constants';

/** sales's outbox, relay and subscriber; one object, so every concept module that imports it shares them. */
export const SalesMessaging = MessagingModule.forService({ service: SALES_SERVICE, schema: SALES_SCHEMA });
