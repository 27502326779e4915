import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deadLetterTopicFor, EventDefinition, EventEnvelope, topicFor, validateEvent } from '@crm/contracts';
import { RequestContext } from '@crm/core';
import { MessageHeaders } from '../message-headers';
import { assertSqlIdentifier } from '../sql-identifier';
import { MessageTransport, TransportMessage } from '../transport/message-transport';
import { DEFAULT_RETRY_POLICY, EventHandler, RetryPolicy } from './event-handler';

interface Consumer {
  name: string;
  handlers: Map<string, EventHandler>;
  topics: Set<string>;
}

/**
 * Idempotent consumption: each event is applied in one transaction with the record of its id,
 * retried with backoff, and after the last attempt parked on the dead-letter topic (and table)
 * so the consumer carries on with the next message.
 */
export class EventSubscriber {
  private readonly logger = new Logger(EventSubscriber.name);
  private readonly consumers = new Map<string, Consumer>();
  private readonly schema: string;

  constructor(
    private readonly service: string,
    schema: string,
    private readonly dataSource: DataSource,
    private readonly transport: MessageTransport,
    private readonly afterCommit: () => void,
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.schema = assertSqlIdentifier(schema);
  }

  /** Registers a handler; `consumer` names the consumer group (one group per read model or reaction). */
  on<D extends EventDefinition>(consumer: string, definition: D, handler: EventHandler<D>): void {
    const entry = this.consumers.get(consumer) ?? { name: consumer, handlers: new Map(), topics: new Set() };
    entry.handlers.set(`${definition.type}@${definition.version}`, handler as unknown as EventHandler);
    entry.topics.add(topicFor(definition));
    this.consumers.set(consumer, entry);
  }

  topics(): string[] {
    return [...this.consumers.values()].flatMap((c) =>
      [...c.topics].flatMap((t) => [t, deadLetterTopicFor(t)]),
    );
  }

  async start(): Promise<void> {
    await this.transport.ensureTopics(this.topics());
    for (const consumer of this.consumers.values()) {
      await this.transport.subscribe({
        groupId: `crm.${this.service}.${consumer.name}`,
        topics: [...consumer.topics],
        handle: (message) => this.handle(consumer, message),
      });
    }
  }

  private async handle(consumer: Consumer, message: TransportMessage): Promise<void> {
    let event: EventEnvelope;
    try {
      event = validateEvent(JSON.parse(message.value));
    } catch (error) {
      return this.deadLetter(consumer, message, error as Error, 1);
    }
    const handler = consumer.handlers.get(`${event.type}@${event.version}`);
    if (!handler) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyOnce(consumer, event, handler, message.headers);
        return;
      } catch (error) {
        if (attempt >= this.retry.attempts)
          return this.deadLetter(consumer, message, error as Error, attempt);
        this.logger.warn(`${consumer.name}: ${event.type} ${event.id} failed (attempt ${attempt}): ${error}`);
        await sleep(Math.min(this.retry.initialDelayMs * 2 ** (attempt - 1), this.retry.maxDelayMs));
      }
    }
  }

  private async applyOnce(
    consumer: Consumer,
    event: EventEnvelope,
    handler: EventHandler,
    headers: Record<string, string>,
  ): Promise<void> {
    const context = {
      correlationId: event.correlationId,
      causationId: event.id,
      actor: event.actor,
      traceparent: headers[MessageHeaders.traceparent],
    };
    const applied = await RequestContext.run(context, () =>
      this.dataSource.transaction(async (tx) => {
        const inserted: unknown[] = await tx.query(
          `INSERT INTO ${this.schema}.processed_event (consumer, event_id) VALUES ($1, $2)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [consumer.name, event.id],
        );
        if (inserted.length === 0) return false;
        await handler(event, tx);
        return true;
      }),
    );
    if (applied) this.afterCommit();
  }

  private async deadLetter(consumer: Consumer, message: TransportMessage, error: Error, attempts: number) {
    this.logger.error(`${consumer.name}: dead-lettering a message from ${message.topic}: ${error.message}`);
    const reason = error.message.slice(0, 2000);
    await this.dataSource.query(
      `INSERT INTO ${this.schema}.dead_letter (consumer, topic, message_key, message, headers, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        consumer.name,
        message.topic,
        message.key,
        message.value,
        JSON.stringify(message.headers),
        reason,
        attempts,
      ],
    );
    await this.transport.publish([
      {
        topic: deadLetterTopicFor(message.topic),
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          [MessageHeaders.deadLetterError]: reason,
          [MessageHeaders.deadLetterConsumer]: `crm.${this.service}.${consumer.name}`,
          [MessageHeaders.deadLetterOriginalTopic]: message.topic,
          [MessageHeaders.deadLetterAttempts]: String(attempts),
        },
      },
    ]);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
