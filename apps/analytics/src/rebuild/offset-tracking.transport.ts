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
 * handled (applied, skipped or parked): how a replay knows it has caught up to a set of end offsets. Per
 * group, because several projections read one topic (orders feed customer value and the market view), and
 * one group at the end says nothing of another.
 */
export class OffsetTrackingTransport extends MessageTransport {
  readonly name: string;
  private readonly handled = new Map<string, number>();
  private readonly subscribed = new Set<string>();
  private readonly groups = new Set<string>();
  private readonly groupsOfTopic = new Map<string, Set<string>>();

  constructor(private readonly inner: MessageTransport) {
    super();
    this.name = inner.name;
  }

  subscribedTopics(): string[] {
    return [...this.subscribed];
  }

  subscribedGroups(): string[] {
    return [...this.groups];
  }

  /** True when every group reading a partition has handled its messages up to its end. */
  reached(ends: PartitionEnd[]): boolean {
    return ends.every(({ topic, partition, end }) =>
      [...(this.groupsOfTopic.get(topic) ?? [])].every(
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
    for (const topic of subscription.topics) {
      this.subscribed.add(topic);
      this.groupsOfTopic.set(topic, (this.groupsOfTopic.get(topic) ?? new Set()).add(groupId));
    }
    this.groups.add(groupId);
    return this.inner.subscribe({
      ...subscription,
      handle: async (message) => {
        await subscription.handle(message);
        if (message.source)
          this.record(groupId, message.topic, message.source.partition, Number(message.source.offset));
      },
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

  private record(group: string, topic: string, partition: number, offset: number): void {
    const key = `${group}|${topic}:${partition}`;
    this.handled.set(key, Math.max(this.handled.get(key) ?? -1, offset));
  }
}
