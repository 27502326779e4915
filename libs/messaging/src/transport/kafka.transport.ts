import { Admin, Consumer, IHeaders, Kafka, LogEntry, logLevel, Producer } from 'kafkajs';
import { Logger } from '@nestjs/common';
import { MessageTransport, TransportMessage, TransportSubscription } from './message-transport';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  partitions?: number;
  /** Prefixes every topic and group name, so tests (or tenants) sharing a broker never meet. */
  namespace?: string;
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) result[name] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return result;
}

/** kafkajs used directly (see docs/adr/0002): we need explicit control of commits, headers and topics. */
export class KafkaTransport extends MessageTransport {
  readonly name = 'kafka';
  private readonly logger = new Logger(KafkaTransport.name);
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly producer: Producer;
  private readonly consumers: Consumer[] = [];
  private readonly knownTopics = new Set<string>();
  private connected?: Promise<void>;

  constructor(private readonly options: KafkaTransportOptions) {
    super();
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator,
      retry: { initialRetryTime: 100, retries: 8 },
    });
    this.admin = this.kafka.admin();
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
  }

  private get namespace(): string {
    return this.options.namespace ?? '';
  }

  private physical(name: string): string {
    return `${this.namespace}${name}`;
  }

  private connect(): Promise<void> {
    this.connected ??= Promise.all([this.admin.connect(), this.producer.connect()]).then(() => undefined);
    return this.connected;
  }

  /** Creates missing topics up front (auto-creation is off on a well-run broker); known topics are cached. */
  async ensureTopics(topics: string[]): Promise<void> {
    const wanted = [...new Set(topics.map((t) => this.physical(t)))].filter(
      (topic) => !this.knownTopics.has(topic),
    );
    if (wanted.length === 0) return;
    await this.connect();
    for (let attempt = 1; ; attempt++) {
      const existing = new Set(await this.admin.listTopics());
      const missing = wanted.filter((topic) => !existing.has(topic));
      if (missing.length === 0) break;
      try {
        await this.admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic, numPartitions: this.options.partitions ?? 3 })),
        });
        break;
      } catch (error) {
        // Services starting together race to create the same topics: look again, then retry.
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
    wanted.forEach((topic) => this.knownTopics.add(topic));
  }

  async publish(messages: TransportMessage[]): Promise<void> {
    await this.connect();
    await this.ensureTopics(messages.map((message) => message.topic));
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: groupByTopic(messages).map(([topic, batch]) => ({
        topic: this.physical(topic),
        messages: batch.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async subscribe(subscription: TransportSubscription): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.physical(subscription.groupId),
      maxWaitTimeInMs: 50,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      allowAutoTopicCreation: false,
    });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({
      topics: subscription.topics.map((t) => this.physical(t)),
      fromBeginning: true,
    });
    const assigned = waitForAssignment(consumer);
    await consumer.run({
      autoCommit: true,
      // Partitions are handled side by side; order still holds within one, i.e. per aggregate.
      partitionsConsumedConcurrently: this.options.partitions ?? 3,
      eachMessage: async ({ topic, message }) => {
        await subscription.handle({
          topic: topic.slice(this.namespace.length),
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          headers: headersToStrings(message.headers),
        });
      },
    });
    await assigned;
  }

  async isHealthy(): Promise<boolean> {
    try {
      await this.connect();
      await this.admin.describeCluster();
      return true;
    } catch (error) {
      this.logger.warn(`Kafka unreachable: ${(error as Error).message}`);
      return false;
    }
  }

  async stopConsuming(): Promise<void> {
    const consumers = this.consumers.splice(0);
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
  }

  async close(): Promise<void> {
    await this.stopConsuming();
    await this.producer.disconnect();
    await this.admin.disconnect();
  }
}

/** kafkajs logs through the service's logger; its transient coordinator errors are retried, so they are warnings. */
function kafkaLogCreator(): (entry: LogEntry) => void {
  const logger = new Logger('kafkajs');
  return ({ level, log }) => {
    const line = `${log.message}${log.error ? `: ${log.error}` : ''}`;
    if (level === logLevel.ERROR && !log.retryCount) logger.error(line);
    else if (level <= logLevel.WARN) logger.warn(line);
  };
}

function groupByTopic(messages: TransportMessage[]): [string, TransportMessage[]][] {
  const byTopic = new Map<string, TransportMessage[]>();
  for (const message of messages)
    byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
  return [...byTopic.entries()];
}

/** Resolves when the consumer has joined its group, so messages published afterwards are not missed. */
function waitForAssignment(consumer: Consumer, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      removeListener();
      resolve();
    }, timeoutMs);
    const removeListener = consumer.on(consumer.events.GROUP_JOIN, () => {
      clearTimeout(timer);
      removeListener();
      resolve();
    });
  });
}
