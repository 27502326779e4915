import type { TracingOptions } from './tracing-sdk';

export type { TracingOptions } from './tracing-sdk';

// The SDK and its instrumentations are loaded only when tracing starts: they are a large share of every
// process's (and every test file's) start-up, and most runs never trace.
let sdkModule: typeof import('./tracing-sdk') | undefined;

/** Traces are on only when an OTLP endpoint is configured; otherwise nothing is loaded and nothing costs. */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  return (
    Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) &&
    env.OTEL_SDK_DISABLED !== 'true'
  );
}

/**
 * Starts the OpenTelemetry SDK with the instrumentations for HTTP (server and client), Express, pg,
 * ioredis and kafkajs. Must run before those modules are loaded, which is why every main.ts imports
 * `@crm/tracing` first.
 */
export function startTracing(options: TracingOptions): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sdkModule ??= require('./tracing-sdk') as typeof import('./tracing-sdk');
  sdkModule.startTracing(options);
}

/** True once `startTracing` ran in this process. */
export function tracingEnabled(): boolean {
  return sdkModule?.tracingEnabled() ?? false;
}

/** Exports what is buffered; called once the app has shut down. */
export async function shutdownTracing(): Promise<void> {
  await sdkModule?.shutdownTracing();
}

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
