import { OutgoingMessage } from './notification';
import { NotificationHeaders } from './notification-headers';
import { SmsGateway } from './sms-gateway';
import { SEND_TIMEOUT_MS } from '@crm/messaging';

/** A gateway that takes `POST {to, text}` with a bearer key; any 2xx is accepted, anything else retried. */
export class HttpSmsGateway extends SmsGateway {
  constructor(
    private readonly url: string,
    private readonly key: string,
  ) {
    super();
  }

  async send(message: OutgoingMessage): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.key}`,
        [NotificationHeaders.sms]: message.messageId,
      },
      body: JSON.stringify({ to: message.to, text: message.text }),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  }
}
