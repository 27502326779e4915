import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { shutdownTracing, startTracing } from '@crm/tracing';
import { InProcessTransport } from '../transport/in-process.transport';
import { MessageTransport, TransportMessage } from '../transport/message-transport';
import { activeTraceparent, TracedTransport } from './trace-propagation';

class RecordingTransport extends InProcessTransport {
  readonly sends: { traceId: string | undefined; count: number }[] = [];
  async publish(messages: TransportMessage[]): Promise<void> {
    this.sends.push({
      traceId: trace.getSpan(context.active())?.spanContext().traceId,
      count: messages.length,
    });
    await super.publish(messages);
  }
}

const message = (traceparent?: string): TransportMessage => ({
  topic: 'crm.probe.thing.v1',
  key: 'k',
  value: '{}',
  headers: traceparent ? { traceparent } : {},
});

describe(TracedTransport.name, () => {
  const exporter = new InMemorySpanExporter();
  const tracer = () => trace.getTracer('spec');

  beforeAll(() => startTracing({ serviceName: 'spec', exporter }));
  afterAll(() => shutdownTracing());
  beforeEach(() => exporter.reset());

  /** Spans are exported once the resource's attributes are detected, a moment after they end. */
  async function exported(name: string) {
    for (let waited = 0; waited < 2_000; waited += 20) {
      const span = exporter.getFinishedSpans().find((finished) => finished.name === name);
      if (span) return span;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no span named ${name} was exported`);
  }

  /** A request span of a trace of its own, and the traceparent an outbox row written in it stores. */
  const inRequest = (name: string) =>
    tracer().startActiveSpan(name, (span) => {
      const traceparent = activeTraceparent();
      span.end();
      return { traceparent: traceparent as string, traceId: span.spanContext().traceId };
    });

  it('answers the traceparent of the span in progress, and none outside a span', () => {
    const { traceparent, traceId } = inRequest('POST /complaints');
    expect(traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(activeTraceparent()).toBeUndefined();
  });

  it('publishes each run of messages in the trace stored with them, in order', async () => {
    const [a, b] = [inRequest('first'), inRequest('second')];
    const inner = new RecordingTransport();
    await new TracedTransport(inner).publish([
      message(a.traceparent),
      message(a.traceparent),
      message(b.traceparent),
    ]);
    expect(inner.sends).toEqual([
      { traceId: a.traceId, count: 2 },
      { traceId: b.traceId, count: 1 },
    ]);
  });

  it('handles a message in a consumer span continuing its trace when the transport brings none', async () => {
    const origin = inRequest('POST /complaints');
    const transport: MessageTransport = new TracedTransport(new InProcessTransport());
    const handled = new Promise<string | undefined>((resolve) =>
      transport.subscribe({
        groupId: 'probe',
        topics: ['crm.probe.thing.v1'],
        handle: async () => resolve(trace.getSpan(context.active())?.spanContext().traceId),
      }),
    );
    await transport.publish([message(origin.traceparent)]);
    expect(await handled).toBe(origin.traceId);
    await transport.close();
    const consumer = await exported('process crm.probe.thing.v1');
    expect(consumer.spanContext().traceId).toBe(origin.traceId);
    expect(consumer.parentSpanContext?.spanId).toBe(origin.traceparent.split('-')[2]);
  });
});
