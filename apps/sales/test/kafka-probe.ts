import { randomBytes } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { EventEnvelope, topicFor } from '@crm/contracts';
import { eventually } from '@crm/testing';

/**
 * Reads the given event types' topics from the beginning until `done` holds for what arrived; creates the topics
 * the relay has not published to yet (as the orders probe does), so subscribing never races the first event.
 */
export async function readFromKafka(
  namespace: string,
  definitions: { type: string; aggregateType: string }[],
  done: (events: EventEnvelope[]) => boolean,
): Promise<EventEnvelope[]> {
  const kafka = new Kafka({
    brokers: [process.env.TEST_KAFKA_BROKERS as string],
    logLevel: logLevel.NOTHING,
  });
  const consumer: Consumer = kafka.consumer({ groupId: `sales-probe-${randomBytes(4).toString('hex')}` });
  const received: EventEnvelope[] = [];
  const types = new Set(definitions.map((d) => d.type));
  const topics = [...new Set(definitions.map((d) => `${namespace}${topicFor(d)}`))];
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic })) });
  await admin.disconnect();
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope;
        if (types.has(envelope.type)) received.push(envelope);
      },
    });
    await eventually(() => expect(done(received)).toBe(true), 30_000);
    return received;
  } finally {
    await consumer.disconnect();
  }
}
