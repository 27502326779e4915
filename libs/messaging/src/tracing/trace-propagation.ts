import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { MessageHeaders } from '../message-headers';
import { MessageTransport, TransportMessage, TransportSubscription } from '../transport/message-transport';

/** The W3C traceparent of the span in progress; undefined when tracing is off or no span is active. */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier[MessageHeaders.traceparent];
}

/**
 * Continues each event's trace across the outbox: the relay publishes later, in a context of its own,
 * so every message is sent in the context stored with its outbox row (its `traceparent` header) and
 * the kafkajs instrumentation parents its producer span there. A consumer without that
 * instrumentation (the in-process transport) gets its consumer span from the same header.
 */
export class TracedTransport extends MessageTransport {
  private readonly tracer = trace.getTracer('crm-messaging');

  constructor(private readonly inner: MessageTransport) {
    super();
  }

  get name(): string {
    return this.inner.name;
  }

  ensureTopics(topics: string[]): Promise<void> {
    return this.inner.ensureTopics(topics);
  }

  /** Runs of consecutive messages with one trace go out together, in order. */
  async publish(messages: TransportMessage[]): Promise<void> {
    for (const run of runsByTraceparent(messages)) {
      const traceparent = run[0].headers[MessageHeaders.traceparent];
      const parent = traceparent
        ? propagation.extract(ROOT_CONTEXT, { [MessageHeaders.traceparent]: traceparent })
        : context.active();
      await context.with(parent, () => this.inner.publish(run));
    }
  }

  subscribe(subscription: TransportSubscription): Promise<void> {
    return this.inner.subscribe({
      ...subscription,
      handle: (message) => {
        // The kafkajs instrumentation already runs each message in its consumer span.
        if (this.inner.name === 'kafka') return subscription.handle(message);
        const parent = propagation.extract(ROOT_CONTEXT, message.headers);
        return this.tracer.startActiveSpan(
          `process ${message.topic}`,
          { kind: SpanKind.CONSUMER, attributes: { 'messaging.destination.name': message.topic } },
          parent,
          (span) => subscription.handle(message).finally(() => span.end()),
        );
      },
    });
  }

  isHealthy(): Promise<boolean> {
    return this.inner.isHealthy();
  }

  stopConsuming(): Promise<void> {
    return this.inner.stopConsuming();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

function runsByTraceparent(messages: TransportMessage[]): TransportMessage[][] {
  const runs: TransportMessage[][] = [];
  for (const message of messages) {
    const last = runs[runs.length - 1];
    const same =
      last && last[0].headers[MessageHeaders.traceparent] === message.headers[MessageHeaders.traceparent];
    if (same) last.push(message);
    else runs.push([message]);
  }
  return runs;
}
