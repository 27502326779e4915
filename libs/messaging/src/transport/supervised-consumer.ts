import { Consumer, ConsumerConfig, ConsumerRunConfig, Kafka } from 'kafkajs';
import { Logger } from '@nestjs/common';
import { consumerRestarts, consumerUp } from '../inbox/messaging-metrics';

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

/** The wait before the next try after `failures` failures in a row: doubling from `initialMs` up to `maxMs`. */
export function backoffDelay({ initialMs, maxMs }: Backoff, failures: number): number {
  return Math.min(initialMs * 2 ** Math.max(failures - 1, 0), maxMs);
}

export interface SupervisedConsumerOptions {
  config: ConsumerConfig;
  topics: string[];
  run: ConsumerRunConfig;
  /** Between restarts; reset once a member has joined its group. */
  backoff: Backoff;
}

/**
 * A consumer group member that comes back whatever stopped it. kafkajs restarts a crashed consumer
 * only after errors it counts as retriable (a crash whose root cause is, say, a rebalance or a lock
 * timeout while the broker restarts leaves the group without a member for good), and a first join
 * that fails inside `run()` ends in such a crash too. So kafkajs never restarts one itself here:
 * every crash, and every failed connect or subscribe, disconnects the member and starts a fresh
 * one after a growing backoff, until `stop()`.
 */
export class SupervisedConsumer {
  private readonly logger = new Logger(SupervisedConsumer.name);
  private current?: Consumer;
  private failures = 0;
  private restartTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: SupervisedConsumerOptions,
  ) {
    consumerUp.set({ group: this.groupId }, 0);
  }

  get groupId(): string {
    return this.options.config.groupId;
  }

  /** Resolves once the first member has joined its group or has failed; restarts then go on in the background. */
  async start(): Promise<void> {
    if (this.stopped || this.current) return;
    const consumer = this.kafka.consumer({
      ...this.options.config,
      retry: { retries: 5, ...this.options.config.retry, restartOnFailure: async () => false },
    });
    this.current = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.failures = 0;
      consumerUp.set({ group: this.groupId }, 1);
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => void this.restart(consumer, payload.error));
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
      // Returns once the member has joined its group, or has crashed trying (the CRASH listener restarts it).
      await consumer.run(this.options.run);
    } catch (error) {
      await this.restart(consumer, error as Error);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    const consumer = this.current;
    this.current = undefined;
    consumerUp.set({ group: this.groupId }, 0);
    await consumer?.disconnect();
  }

  private async restart(consumer: Consumer, error: Error): Promise<void> {
    if (this.current !== consumer || this.stopped) return;
    this.current = undefined;
    consumerUp.set({ group: this.groupId }, 0);
    consumerRestarts.inc({ group: this.groupId });
    const delayMs = backoffDelay(this.options.backoff, ++this.failures);
    this.logger.warn(
      `consumer group ${this.groupId} stopped (${error.name}: ${error.message}); a new member starts in ${delayMs} ms`,
    );
    await consumer.disconnect().catch(() => undefined);
    if (this.stopped) return;
    this.restartTimer = setTimeout(() => void this.start(), delayMs);
  }
}
