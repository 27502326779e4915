import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { SimpleSpanProcessor, SpanExporter } from '@opentelemetry/sdk-trace';
import { propagateTraceThroughFetch } from './fetch-propagation';

let sdk: NodeSDK | undefined;

export interface TracingOptions {
  serviceName: string;
  /**
   * OTLP over HTTP in batches (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_BSP_* and the other OTEL_* variables)
   * unless given; a given exporter (tests: an in-memory one) gets every span as it ends.
   */
  exporter?: SpanExporter;
}

/** True once `startTracing` ran in this process. */
export function tracingEnabled(): boolean {
  return sdk !== undefined;
}

/** The SDK with the instrumentations for HTTP (server and client), Express, pg, ioredis and kafkajs. */
export function startTracing(options: TracingOptions): void {
  if (sdk) return;
  sdk = new NodeSDK({
    serviceName: options.serviceName,
    ...(options.exporter
      ? { spanProcessors: [new SimpleSpanProcessor({ exporter: options.exporter })] }
      : { traceExporter: new OTLPTraceExporter() }),
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes every few seconds would drown the traces that matter.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)(\/|$|\?)/.test(request.url ?? ''),
      }),
      new ExpressInstrumentation(),
      new PgInstrumentation(),
      new IORedisInstrumentation(),
      new KafkaJsInstrumentation(),
    ],
  });
  sdk.start();
  propagateTraceThroughFetch();
}

export async function shutdownTracing(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown();
}
