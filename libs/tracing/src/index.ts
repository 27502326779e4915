import { startTracing, tracingRequested } from './tracing-sdk';

/**
 * Imported first by every main.ts (before Nest, pg, ioredis and kafkajs load, so the
 * instrumentations can patch them): starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set. The
 * service name is OTEL_SERVICE_NAME, else the app folder the process was started from.
 */
if (tracingRequested(process.env)) {
  startTracing({ serviceName: process.env.OTEL_SERVICE_NAME ?? appFolder(process.argv) ?? 'crm' });
}

function appFolder(argv: string[]): string | undefined {
  return argv
    .slice(1)
    .map((arg) => /apps[\\/]([a-z0-9-]+)[\\/]/.exec(arg)?.[1])
    .find(Boolean);
}

export * from './tracing-sdk';
