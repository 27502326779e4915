import { MessageTransport } from '@crm/messaging';

/**
 * EVENT_TRANSPORT=none, for a service that neither publishes nor consumes events (identity): no
 * broker to reach, nothing in readiness. A publish or subscribe is a wiring mistake and fails loudly.
 */
export class NoEventTransport extends MessageTransport {
  readonly name = 'none';

  async ensureTopics(): Promise<void> {}

  async publish(): Promise<void> {
    throw new Error('EVENT_TRANSPORT=none: this service publishes no events');
  }

  async subscribe(): Promise<void> {
    throw new Error('EVENT_TRANSPORT=none: this service consumes no events');
  }

  async isHealthy(): Promise<boolean> {
    return true;
  }

  async stopConsuming(): Promise<void> {}

  async close(): Promise<void> {}
}
