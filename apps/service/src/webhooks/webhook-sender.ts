import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { DueDelivery } from './webhook-delivery';
import { WEBHOOK_TIMEOUT_MS } from './webhook-backoff';
import { signWebhook, WebhookHeaders } from './webhook-signature';

export interface SendResult {
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

/** One signed POST; any 2xx is a delivery, anything else (or silence for 5 s) a failure to retry. */
@Injectable()
export class WebhookSender {
  async send(delivery: DueDelivery, now: Date): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    if (!delivery.secret)
      return { httpStatus: null, error: 'the station has no webhook secret', durationMs: 0 };
    const timestamp = String(Math.floor(now.getTime() / 1000));
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [WebhookHeaders.timestamp]: timestamp,
          [WebhookHeaders.signature]: signWebhook(delivery.secret, timestamp, delivery.body),
          [WebhookHeaders.deliveryId]: delivery.deliveryId,
        },
        body: delivery.body,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await response.body?.cancel();
      const error = response.ok ? null : `HTTP ${response.status}`;
      return { httpStatus: response.status, error, durationMs: elapsed() };
    } catch (error) {
      return { httpStatus: null, error: describe(error), durationMs: elapsed() };
    }
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return (cause?.code ?? cause?.message ?? (error as Error).message ?? String(error)).slice(0, 500);
}
