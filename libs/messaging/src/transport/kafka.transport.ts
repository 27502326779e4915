import { ConnectionOptions } from 'node:tls';
import {
  Admin,
  ConsumerRunConfig,
  IHeaders,
  Kafka,
  KafkaMessage,
  LogEntry,
  logLevel,
  Producer,
  RetryOptions,
  SASLOptions,
} from 'kafkajs';
import { Logger } from '@nestjs/common';
import { topicConfigFor } from '@crm/contracts';
import { alignTopicConfig, configEntries } from './kafka-topic-config';
import { MessageTransport, TransportMessage, TransportSubscription } from './message-transport';
import { Backoff, backoffDelay, SupervisedConsumer } from './supervised-consumer';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  partitions?: number;
  /** Replication factor of the topics this transport creates; the broker's default when absent. */
  replicationFactor?: number;
  /** Prefixes every topic and group name, so tests (or tenants) sharing a broker never meet. */
  namespace?: string;
  ssl?: boolean | ConnectionOptions;
  sasl?: SASLOptions;
  /** kafkajs's own retries of one request; the default suits a running cluster. */
  retry?: RetryOptions;
  /**
   * Backoff between failed first connects (the next call after a failure waits for it to pass) and
   * between restarts of a consumer that crashed or could not start.
   */
  connectBackoff?: Backoff;
  /**
   * How long the broker keeps a silent member in its group before rebalancing without it (10 s): a
   * member that rejoins after a crash or a broker restart waits for the one it replaces to time out.
   */
  sessionTimeoutMs?: number;
}

const DEFAULT_CONNECT_BACKOFF: Backoff = { initialMs: 500, maxMs: 30_000 };
/**
 * How long the broker may hold a consumer's fetch while its partitions have nothing new. A message that arrives ends
 * the wait at once, so this is not a latency; it sets how often an idle group polls. At 50 ms, sixty idle groups kept
 * a third to half of a core busy in the broker and a quarter in Node; at 250 ms about a tenth each. A consumer's stop
 * waits for its fetch, so it also bounds how long a stop can take (docs/benchmarks.md, Kafka fetch wait).
 */
export const KAFKA_FETCH_MAX_WAIT_MS = 250;
/** A batch subscription's slice when it names none: one transaction's worth of events (ADR 0045). */
export const DEFAULT_MAX_BATCH_SIZE = 500;

export class KafkaUnavailableError extends Error {}

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
  private readonly consumers: SupervisedConsumer[] = [];
  private readonly knownTopics = new Set<string>();
  private connected?: Promise<void>;
  private connectFailures = 0;
  private nextConnectAt = 0;
  private lastConnectError?: Error;

  constructor(private readonly options: KafkaTransportOptions) {
    super();
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator,
      retry: options.retry ?? { initialRetryTime: 100, retries: 8 },
      ssl: options.ssl,
      sasl: options.sasl,
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

  private get backoff(): Backoff {
    return this.options.connectBackoff ?? DEFAULT_CONNECT_BACKOFF;
  }

  private physical(name: string): string {
    return `${this.namespace}${name}`;
  }

  /**
   * Connects once and keeps the connection; a failed attempt is forgotten so a later call tries
   * again (a broker that was down at start must not stop the outbox until a restart), but only
   * after a growing backoff, so a relay polling every few ms does not hammer an absent broker.
   */
  private connect(): Promise<void> {
    if (this.connected) return this.connected;
    const waitMs = this.nextConnectAt - Date.now();
    if (waitMs > 0) {
      return Promise.reject(
        new KafkaUnavailableError(
          `Kafka unreachable (${this.connectFailures} failed connects, next try in ${waitMs} ms): ` +
            `${this.lastConnectError?.message}`,
        ),
      );
    }
    this.connected = Promise.all([this.admin.connect(), this.producer.connect()]).then(
      () => {
        this.connectFailures = 0;
      },
      (error: Error) => {
        this.connected = undefined;
        this.connectFailures++;
        this.lastConnectError = error;
        this.nextConnectAt = Date.now() + backoffDelay(this.backoff, this.connectFailures);
        this.logger.warn(`Kafka connect failed (attempt ${this.connectFailures}): ${error.message}`);
        throw error;
      },
    );
    return this.connected;
  }

  /**
   * Creates missing topics up front (auto-creation is off on a well-run broker) with their declared settings
   * (libs/contracts TOPIC_CONFIGS), and aligns existing topics to them; known topics are cached.
   */
  async ensureTopics(topics: string[]): Promise<void> {
    const wanted = [...new Set(topics)].filter((topic) => !this.knownTopics.has(this.physical(topic)));
    if (wanted.length === 0) return;
    await this.connect();
    for (let attempt = 1; ; attempt++) {
      const existing = new Set(await this.admin.listTopics());
      const missing = wanted.filter((topic) => !existing.has(this.physical(topic)));
      if (missing.length === 0) break;
      try {
        await this.admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic: this.physical(topic),
            numPartitions: this.options.partitions ?? 3,
            replicationFactor: this.options.replicationFactor ?? -1,
            configEntries: configEntries(topicConfigFor(topic)),
          })),
        });
        break;
      } catch (error) {
        // Services starting together race to create the same topics: look again, then retry.
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
    for (const topic of wanted) await this.alignConfig(topic);
    wanted.forEach((topic) => this.knownTopics.add(this.physical(topic)));
  }

  /** A topic that is not at its declared settings is told loudly but still used: events must keep flowing. */
  private async alignConfig(topic: string): Promise<void> {
    const declared = topicConfigFor(topic);
    try {
      const changed = await alignTopicConfig(this.admin, this.physical(topic), declared);
      if (changed.length > 0) this.logger.warn(`topic ${this.physical(topic)}: set ${changed.join(', ')}`);
    } catch (error) {
      this.logger.error(
        `ALERT topic ${this.physical(topic)} is not at its declared settings (${JSON.stringify(declared)}) and ` +
          `could not be altered (grant AlterConfigs or set them with kafka-configs): ${(error as Error).message}`,
      );
    }
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

  /**
   * Resolves once the consumer has joined its group (or its first try failed); from then on it is
   * kept in its group, restarted after any crash (see SupervisedConsumer).
   */
  async subscribe(subscription: TransportSubscription): Promise<void> {
    const consumer = new SupervisedConsumer(this.kafka, {
      config: {
        groupId: this.physical(subscription.groupId),
        maxWaitTimeInMs: KAFKA_FETCH_MAX_WAIT_MS,
        sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
        heartbeatInterval: 1_000,
        allowAutoTopicCreation: false,
      },
      topics: subscription.topics.map((t) => this.physical(t)),
      backoff: this.backoff,
      run: subscription.handleBatch ? this.batchRun(subscription) : this.messageRun(subscription),
    });
    this.consumers.push(consumer);
    await consumer.start();
  }

  private messageRun(subscription: TransportSubscription): ConsumerRunConfig {
    return {
      autoCommit: true,
      // Partitions are handled side by side; order still holds within one, i.e. per aggregate.
      partitionsConsumedConcurrently: this.options.partitions ?? 3,
      eachMessage: ({ topic, partition, message }) =>
        subscription.handle(this.received(topic, partition, message)),
    };
  }

  /**
   * A partition's fetched messages go to `handleBatch` in slices of at most `maxBatchSize`, in order (ADR 0045). A
   * slice's last offset is resolved only once `handleBatch` resolved, i.e. after its transaction committed, and
   * committed with the next auto-commit; a crash in between redelivers the slice, which the processed ids dedupe.
   */
  private batchRun(subscription: TransportSubscription): ConsumerRunConfig {
    const handleBatch = subscription.handleBatch as (messages: TransportMessage[]) => Promise<void>;
    const size = Math.max(1, subscription.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE);
    return {
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitions ?? 3,
      eachBatch: async ({
        batch,
        resolveOffset,
        heartbeat,
        commitOffsetsIfNecessary,
        isRunning,
        isStale,
      }) => {
        for (let start = 0; start < batch.messages.length; start += size) {
          // A rebalance took the partition, or the member is stopping: the rest is redelivered to its new owner.
          if (!isRunning() || isStale()) return;
          const slice = batch.messages.slice(start, start + size);
          await handleBatch(slice.map((message) => this.received(batch.topic, batch.partition, message)));
          resolveOffset(slice[slice.length - 1].offset);
          await commitOffsetsIfNecessary();
          await heartbeat();
        }
      },
    };
  }

  /** The value goes on as bytes: whether they are text (or JSON) is the consumer's to judge. */
  private received(topic: string, partition: number, message: KafkaMessage): TransportMessage {
    return {
      topic: topic.slice(this.namespace.length),
      key: message.key?.toString() ?? '',
      value: message.value,
      headers: headersToStrings(message.headers),
      source: { partition, offset: message.offset },
    };
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
    await Promise.all(consumers.map((consumer) => consumer.stop()));
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
