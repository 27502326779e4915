import { Admin, Kafka, logLevel } from 'kafkajs';
import { consumerLag, MetricsSource } from './messaging-metrics';

export interface ConsumerLagOptions {
  brokers: string[];
  namespace: string;
  /** Reports the groups of this service only (`crm.<service>.*`), as each service is scraped on its own. */
  service: string;
  timeoutMs?: number;
}

/** Consumer lag from the broker: each group's committed offsets against the partitions' end offsets. */
export class ConsumerLagSource implements MetricsSource {
  private readonly admin: Admin;
  private connected?: Promise<void>;

  constructor(private readonly options: ConsumerLagOptions) {
    // Its own admin client, failing fast: a scrape must not wait for a broker that is down.
    this.admin = new Kafka({
      clientId: `${options.service}-metrics`,
      brokers: options.brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1_000,
      retry: { retries: 0 },
    }).admin();
  }

  async collect(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>(
      (resolve) => (timer = setTimeout(resolve, this.options.timeoutMs ?? 2_000)),
    );
    await Promise.race([this.read(), timeout]).finally(() => clearTimeout(timer));
  }

  async close(): Promise<void> {
    if (this.connected) await this.admin.disconnect().catch(() => undefined);
  }

  private async read(): Promise<void> {
    this.connected ??= this.admin.connect().catch((error) => {
      this.connected = undefined;
      throw error;
    });
    await this.connected;
    const prefix = `${this.options.namespace}crm.${this.options.service}.`;
    const { groups } = await this.admin.listGroups();
    const ends = new Map<string, Map<number, number>>();
    for (const { groupId } of groups.filter((group) => group.groupId.startsWith(prefix))) {
      for (const { topic, partitions } of await this.admin.fetchOffsets({ groupId })) {
        const end = ends.get(topic) ?? (await this.endOffsets(topic));
        ends.set(topic, end);
        const lag = partitions.reduce((sum, { partition, offset }) => {
          const committed = Number(offset);
          return sum + Math.max(0, (end.get(partition) ?? 0) - (committed < 0 ? 0 : committed));
        }, 0);
        consumerLag.set(
          {
            group: groupId.slice(this.options.namespace.length),
            topic: topic.slice(this.options.namespace.length),
          },
          lag,
        );
      }
    }
  }

  private async endOffsets(topic: string): Promise<Map<number, number>> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return new Map(offsets.map(({ partition, high }) => [partition, Number(high)]));
  }
}
