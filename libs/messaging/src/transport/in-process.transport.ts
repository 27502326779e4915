import { MessageTransport, TransportMessage, TransportSubscription } from './message-transport';

/**
 * Delivers messages inside one process for the embedded default. Like a Kafka consumer group,
 * each group receives every message of its topics once, one at a time and in publish order.
 */
export class InProcessTransport extends MessageTransport {
  readonly name = 'in-process';
  private readonly groups = new Map<string, GroupQueue>();
  private closed = false;

  async ensureTopics(): Promise<void> {}

  async publish(messages: TransportMessage[]): Promise<void> {
    if (this.closed) throw new Error('in-process transport is closed');
    for (const message of messages) {
      for (const group of this.groups.values()) group.offer(message);
    }
  }

  async subscribe(subscription: TransportSubscription): Promise<void> {
    const existing = this.groups.get(subscription.groupId);
    if (existing) {
      existing.addTopics(subscription.topics);
      return;
    }
    this.groups.set(subscription.groupId, new GroupQueue(subscription));
  }

  async isHealthy(): Promise<boolean> {
    return !this.closed;
  }

  async stopConsuming(): Promise<void> {
    await Promise.all([...this.groups.values()].map((group) => group.drain()));
  }

  async close(): Promise<void> {
    await this.stopConsuming();
    this.closed = true;
  }
}

class GroupQueue {
  private readonly topics: Set<string>;
  private readonly pending: TransportMessage[] = [];
  private running?: Promise<void>;

  constructor(private readonly subscription: TransportSubscription) {
    this.topics = new Set(subscription.topics);
  }

  addTopics(topics: string[]): void {
    topics.forEach((topic) => this.topics.add(topic));
  }

  offer(message: TransportMessage): void {
    if (!this.topics.has(message.topic)) return;
    this.pending.push(message);
    this.running ??= this.run();
  }

  async drain(): Promise<void> {
    await this.running;
  }

  private async run(): Promise<void> {
    await Promise.resolve();
    while (this.pending.length > 0) {
      const message = this.pending[0];
      try {
        await this.subscription.handle(message);
        this.pending.shift();
      } catch {
        // Like an uncommitted Kafka offset: the same message is handed over again.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
    this.running = undefined;
  }
}
