import { subscribe } from 'node:diagnostics_channel';
import { context, propagation, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

interface UndiciRequest {
  method: string;
  origin: string;
  path: string;
  addHeader(name: string, value: string): void;
}

const spans = new WeakMap<object, Span>();

/**
 * Node's fetch (undici) is not covered by the http instrumentation: this gives each outgoing fetch
 * (station webhooks, SMS gateway) a client span and the W3C traceparent header, so the receiver
 * continues the trace. undici announces every request on these diagnostics channels.
 */
export function propagateTraceThroughFetch(): void {
  const tracer = trace.getTracer('crm-fetch');
  subscribe('undici:request:create', (message) => {
    const { request } = message as { request: UndiciRequest };
    if (!trace.getSpan(context.active())) return;
    const span = tracer.startSpan(`${request.method} ${request.origin}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': request.method, 'url.full': `${request.origin}${request.path}` },
    });
    spans.set(request, span);
    const headers: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), span), headers);
    for (const [name, value] of Object.entries(headers)) request.addHeader(name, value);
  });
  subscribe('undici:request:headers', (message) => {
    const { request, response } = message as { request: object; response: { statusCode: number } };
    const span = spans.get(request);
    if (!span) return;
    span.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
    spans.delete(request);
  });
  subscribe('undici:request:error', (message) => {
    const { request, error } = message as { request: object; error: Error };
    const span = spans.get(request);
    if (!span) return;
    span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    span.end();
    spans.delete(request);
  });
}
