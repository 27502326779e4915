import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { SEND_TIMEOUT_MS } from '../delivery/delivery-backoff';
import { SendOutcome } from '../delivery/delivery-dispatcher';
import { describeSendError } from '../delivery/send-error';
import { DueDelivery } from './webhook-delivery';
import { signWebhook } from './webhook-signature';

export interface SendResult extends SendOutcome {
  httpStatus: number | null;
}

/** One POST signed per Standard Webhooks; any 2xx is a delivery, anything else (or silence for 5 s) a failure to retry. */
@Injectable()
export class WebhookSender {
  async send(delivery: DueDelivery, now: Date): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    if (!delivery.secret)
      return { httpStatus: null, error: 'the station has no webhook secret', durationMs: 0 };
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signWebhook(delivery.secret, delivery.deliveryId, now, delivery.body),
        },
        body: delivery.body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await response.body?.cancel();
      const error = response.ok ? null : `HTTP ${response.status}`;
      return { httpStatus: response.status, error, durationMs: elapsed() };
    } catch (error) {
      return { httpStatus: null, error: describeSendError(error), durationMs: elapsed() };
    }
  }
}
