import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { describeSendError, SEND_TIMEOUT_MS, SendOutcome } from '@crm/messaging';
import { pinnedPost } from './pinned-post';
import { signWebhook } from './webhook-signature';
import { hostOf, WebhookTargetPolicy, WebhookTargetRefused } from './webhook-target-policy';

/** A claimed delivery, ready to send: whatever app it comes from (station webhooks, event subscriptions). */
export interface DueWebhook {
  deliveryId: string;
  /** Sent as `webhook-id`: the same on every retry (and replay) of one message. */
  webhookId: string;
  url: string;
  body: string;
  attempts: number;
  secret: string | null;
}

export interface SendResult extends SendOutcome {
  httpStatus: number | null;
}

/** One POST signed per Standard Webhooks; any 2xx is a delivery, anything else (or silence for 5 s) a failure to retry. */
@Injectable()
export class WebhookSender {
  constructor(private readonly targets: WebhookTargetPolicy) {}

  async send(delivery: DueWebhook, now: Date): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    if (!delivery.secret)
      return { httpStatus: null, error: 'the receiver has no webhook secret', durationMs: 0 };
    try {
      // Checked again at send time: the URL was registered under other settings, or its DNS changed since.
      const url = this.targets.checkUrl(delivery.url);
      const address = await this.targets.pick(hostOf(url));
      const status = await pinnedPost({
        url,
        address,
        headers: {
          'content-type': 'application/json',
          ...signWebhook(delivery.secret, delivery.webhookId, now, delivery.body),
        },
        body: delivery.body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      const error = status >= 200 && status < 300 ? null : `HTTP ${status}`;
      return { httpStatus: status, error, durationMs: elapsed() };
    } catch (error) {
      if (error instanceof WebhookTargetRefused)
        return { httpStatus: null, error: `refused: the URL ${error.message}`, durationMs: elapsed() };
      return { httpStatus: null, error: describeSendError(error), durationMs: elapsed() };
    }
  }
}
