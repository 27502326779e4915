// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch http, pg, ioredis and kafkajs before they load.
import '@crm/tracing';
import { bootstrapService } from '@crm/platform';
import { webTrackingDefinition } from './web-tracking.definition';

void bootstrapService(webTrackingDefinition);
