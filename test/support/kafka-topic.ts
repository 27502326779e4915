import { randomBytes } from 'node:crypto';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { eventually } from './eventually';

export interface TopicRecord {
  partition: number;
  offset: number;
  key: string;
  /** Null for a tombstone. */
  value: string | null;
}

const testKafka = () =>
  new Kafka({ brokers: [process.env.TEST_KAFKA_BROKERS as string], logLevel: logLevel.NOTHING });

/**
 * Every record a (physical) topic holds now, partition by partition in offset order: read from the start by a
 * throwaway consumer group up to each partition's end offset (compaction leaves gaps, never the last record).
 */
export async function readTopicRecords(topic: string): Promise<TopicRecord[]> {
  const kafka = testKafka();
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const records: TopicRecord[] = [];
  const consumer = kafka.consumer({ groupId: `topic-reader-${randomBytes(4).toString('hex')}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        records.push({
          partition,
          offset: Number(message.offset),
          key: message.key?.toString() ?? '',
          value: message.value === null ? null : message.value.toString(),
        });
      },
    });
    await eventually(() => {
      for (const end of ends.filter((e) => Number(e.high) > Number(e.low))) {
        const last = Math.max(
          -1,
          ...records.filter((r) => r.partition === end.partition).map((r) => r.offset),
        );
        expect({ partition: end.partition, last }).toEqual({
          partition: end.partition,
          last: Number(end.high) - 1,
        });
      }
    }, 30_000);
  } finally {
    await consumer.disconnect();
  }
  return records.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

/** The settings a (physical) topic has, as the broker describes them (defaults included). */
export async function describeTopicConfig(topic: string): Promise<Record<string, string>> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
    });
    return Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e.configValue]));
  } finally {
    await admin.disconnect();
  }
}
