import { MessageTransport, TransportMessage, TransportSubscription } from '@crm/messaging';

/** A partition's position: its topic (without namespace), number and the next offset to be read. */
export interface PartitionEnd {
  topic: string;
  partition: number;
  /** The high watermark: one past the last message. */
  end: number;
}

/**
 * Wraps a transport to remember, per consumer group and partition, the last offset whose message was fully
 * handled (applied, skipped or parked): how a replay knows it has caught up to a set of end offsets. A topic
 * read by several groups (orders: order facts and order lines) has caught up when each of them has.
 */
export class OffsetTrackingTransport extends MessageTransport {
  readonly name: string;
  private readonly handled = new Map<string, number>();
  /** Topic -> the groups reading it. */
  private readonly readers = new Map<string, Set<string>>();

  constructor(private readonly inner: MessageTransport) {
    super();
    this.name = inner.name;
  }

  subscribedTopics(): string[] {
    return [...this.readers.keys()];
  }

  subscribedGroups(): string[] {
    return [...new Set([...this.readers.values()].flatMap((groups) => [...groups]))];
  }

  /** True when every group has handled every partition's messages up to its end. */
  reached(ends: PartitionEnd[]): boolean {
    return ends.every(({ topic, partition, end }) =>
      [...(this.readers.get(topic) ?? [])].every(
        (group) => (this.handled.get(`${group}|${topic}:${partition}`) ?? -1) >= end - 1,
      ),
    );
  }

  ensureTopics(topics: string[]): Promise<void> {
    return this.inner.ensureTopics(topics);
  }

  publish(messages: TransportMessage[]): Promise<void> {
    return this.inner.publish(messages);
  }

  subscribe(subscription: TransportSubscription): Promise<void> {
    const { groupId } = subscription;
    for (const topic of subscription.topics)
      this.readers.set(topic, (this.readers.get(topic) ?? new Set()).add(groupId));
    const { handleBatch } = subscription;
    return this.inner.subscribe({
      ...subscription,
      handle: async (message) => {
        await subscription.handle(message);
        this.recordHandled(groupId, [message]);
      },
      ...(handleBatch && {
        handleBatch: async (messages: TransportMessage[]) => {
          await handleBatch(messages);
          this.recordHandled(groupId, messages);
        },
      }),
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

  private recordHandled(groupId: string, messages: TransportMessage[]): void {
    for (const { topic, source } of messages) {
      if (!source) continue;
      const key = `${groupId}|${topic}:${source.partition}`;
      this.handled.set(key, Math.max(this.handled.get(key) ?? -1, Number(source.offset)));
    }
  }
}
