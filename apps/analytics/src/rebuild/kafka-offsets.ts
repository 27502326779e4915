import { Admin, Kafka } from 'kafkajs';
import { KafkaTransportOptions } from '@crm/messaging';
import { PartitionEnd } from './offset-tracking.transport';

/** The brokers' view a replay needs: each partition's end, and removing the replay's consumer groups. */
export class KafkaOffsets {
  private readonly admin: Admin;
  private connected?: Promise<void>;

  constructor(private readonly options: KafkaTransportOptions) {
    const { clientId, brokers, ssl, sasl } = options;
    this.admin = new Kafka({ clientId: `${clientId}-admin`, brokers, ssl, sasl }).admin();
  }

  /** Partitions that hold anything: an empty one (end = start) is already caught up with. */
  async ends(topics: string[]): Promise<PartitionEnd[]> {
    await this.connect();
    const ends = await Promise.all(
      topics.map(async (topic) =>
        (await this.admin.fetchTopicOffsets(this.physical(topic)))
          .filter((offsets) => Number(offsets.high) > Number(offsets.low))
          .map((offsets) => ({ topic, partition: offsets.partition, end: Number(offsets.high) })),
      ),
    );
    return ends.flat();
  }

  async deleteGroups(groupIds: string[]): Promise<void> {
    await this.connect();
    await this.admin.deleteGroups(groupIds.map((groupId) => this.physical(groupId)));
  }

  async close(): Promise<void> {
    await this.admin.disconnect();
  }

  private connect(): Promise<void> {
    this.connected ??= this.admin.connect();
    return this.connected;
  }

  private physical(name: string): string {
    return `${this.options.namespace ?? ''}${name}`;
  }
}
