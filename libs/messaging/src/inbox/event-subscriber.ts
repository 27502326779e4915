import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  deadLetterTopicFor,
  EVENT_REGISTRY,
  EventDefinition,
  EventEnvelope,
  EventRegistry,
  topicFor,
  UnknownEventVersionError,
} from '@crm/contracts';
import { RequestContext } from '@crm/core';
import { MessageHeaders } from '../message-headers';
import { assertSqlIdentifier } from '../sql-identifier';
import { MessageTransport, TransportMessage } from '../transport/message-transport';
import { DeadLetterStore } from './dead-letter-store';
import { DEFAULT_RETRY_POLICY, EventHandler, RetryPolicy } from './event-handler';
import { tombstonesSkipped } from './messaging-metrics';
import { bytesOf, ParkReasons, readJson, UnreadableMessageError } from './received-message';

interface Registration {
  definition: EventDefinition;
  handler: EventHandler;
}

interface Consumer {
  name: string;
  /** By event type: each consumer understands one version of a type and gets every version converted to it. */
  handlers: Map<string, Registration>;
  topics: Set<string>;
}

export const SkipReasons = { unknownType: 'unknown-type' } as const;

/**
 * Idempotent consumption: each event is applied in one transaction with the record of its id,
 * retried with backoff, and after the last attempt parked as a dead letter so the consumer
 * carries on. Whatever arrives (bytes that are not JSON, a bad envelope, a version it cannot
 * read) is parked at once; an event type it does not know is recorded as skipped; a tombstone
 * (null value) is passed over and counted. Nothing stops a partition.
 */
export class EventSubscriber {
  private readonly logger = new Logger(EventSubscriber.name);
  private readonly consumers = new Map<string, Consumer>();
  private readonly subscribed = new Set<string>();
  private readonly schema: string;
  private readonly deadLetters: DeadLetterStore;

  constructor(
    private readonly service: string,
    schema: string,
    private readonly dataSource: DataSource,
    private readonly transport: MessageTransport,
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY,
    private readonly registry: EventRegistry = EVENT_REGISTRY,
  ) {
    this.schema = assertSqlIdentifier(schema);
    this.deadLetters = new DeadLetterStore(service, this.schema, dataSource, transport);
  }

  /**
   * Registers a handler; `consumer` names the consumer group (one group per read model or
   * reaction). The definition's version is the one the handler understands (ADR 0008).
   */
  on<D extends EventDefinition>(consumer: string, definition: D, handler: EventHandler<D>): void {
    const entry = this.consumers.get(consumer) ?? { name: consumer, handlers: new Map(), topics: new Set() };
    const existing = entry.handlers.get(definition.type);
    if (existing && existing.definition.version !== definition.version) {
      throw new Error(
        `${consumer} already handles ${definition.type} as v${existing.definition.version}; one version per consumer`,
      );
    }
    entry.handlers.set(definition.type, { definition, handler: handler as unknown as EventHandler });
    entry.topics.add(topicFor(definition));
    this.consumers.set(consumer, entry);
  }

  topics(): string[] {
    return [...this.consumers.values()].flatMap((c) =>
      [...c.topics].flatMap((t) => [t, deadLetterTopicFor(t)]),
    );
  }

  /** Joins each consumer group; after a failure, calling it again joins only the groups still missing. */
  async start(): Promise<void> {
    await this.transport.ensureTopics(this.topics());
    for (const consumer of this.consumers.values()) {
      if (this.subscribed.has(consumer.name)) continue;
      this.subscribed.add(consumer.name);
      await this.transport
        .subscribe({
          groupId: `crm.${this.service}.${consumer.name}`,
          topics: [...consumer.topics],
          handle: (message) => this.handle(consumer, message),
        })
        .catch((error: unknown) => {
          this.subscribed.delete(consumer.name);
          throw error;
        });
    }
  }

  private async handle(consumer: Consumer, message: TransportMessage): Promise<void> {
    if (message.value === null) {
      // A tombstone follows the event that erased its record (ADR 0013): that event did the work here.
      tombstonesSkipped.inc({ service: this.service, consumer: consumer.name, topic: message.topic });
      return;
    }
    const bytes = bytesOf(message.value);
    let envelope: EventEnvelope;
    try {
      envelope = this.registry.parseEnvelope(readJson(bytes));
    } catch (error) {
      const reason = error instanceof UnreadableMessageError ? error.reason : ParkReasons.invalidEnvelope;
      return this.deadLetters.park({
        consumer: consumer.name,
        message,
        bytes,
        reason,
        error: (error as Error).message,
        attempts: 1,
      });
    }
    if (!this.registry.knowsType(envelope.type)) {
      // A newer producer's event (a rolling deploy): not ours to apply, and no retry would help.
      return this.deadLetters.skip(consumer.name, message, envelope, SkipReasons.unknownType);
    }
    const registration = consumer.handlers.get(envelope.type);
    if (!registration) return; // a known event this consumer has no use for
    let event: EventEnvelope;
    try {
      event = this.registry.readAs(envelope, registration.definition);
    } catch (error) {
      // Also a converter that throws: no retry would change the bytes, so the event is parked.
      const reason =
        error instanceof UnknownEventVersionError ? ParkReasons.unknownVersion : ParkReasons.invalidPayload;
      return this.deadLetters.park({
        consumer: consumer.name,
        message,
        bytes,
        reason,
        error: (error as Error).message ?? String(error),
        attempts: 1,
        event: envelope,
      });
    }
    await this.applyWithRetries(consumer, message, bytes, event, registration.handler);
  }

  private async applyWithRetries(
    consumer: Consumer,
    message: TransportMessage,
    bytes: Buffer,
    event: EventEnvelope,
    handler: EventHandler,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyOnce(consumer, event, handler, message.headers);
        return;
      } catch (error) {
        if (attempt >= this.retry.attempts) {
          return this.deadLetters.park({
            consumer: consumer.name,
            message,
            bytes,
            reason: ParkReasons.handlerFailed,
            error: (error as Error).message ?? String(error),
            attempts: attempt,
            event,
          });
        }
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
    await RequestContext.run(context, () =>
      this.dataSource.transaction(async (tx) => {
        const inserted: unknown[] = await tx.query(
          `INSERT INTO ${this.schema}.processed_event (consumer, event_id) VALUES ($1, $2)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [consumer.name, event.id],
        );
        if (inserted.length > 0) await handler(event, tx);
      }),
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
