import { SEND_TIMEOUT_MS } from './delivery-backoff';
import { SMS_IDEMPOTENCY_HEADER, SmsGateway, SmsMessage } from './sms-gateway';

/**
 * A gateway that takes `POST {to, text}` (or `{to, templateId, params}` for a provider template) with a bearer key and
 * the message id as idempotency key; any 2xx is accepted, anything else retried.
 */
export class HttpSmsGateway extends SmsGateway {
  constructor(
    private readonly url: string,
    private readonly key: string,
  ) {
    super();
  }

  async send(message: SmsMessage): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.key}`,
        [SMS_IDEMPOTENCY_HEADER]: message.messageId,
      },
      body: JSON.stringify(bodyOf(message)),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  }
}

/** Only what the provider reads: a notification's message carries more (its subject) that SMS has no room for. */
function bodyOf(message: SmsMessage): Record<string, unknown> {
  return 'text' in message
    ? { to: message.to, text: message.text }
    : { to: message.to, templateId: message.templateId, params: message.params };
}
