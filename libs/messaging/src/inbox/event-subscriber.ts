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
import {
  BatchEventHandler,
  BatchOptions,
  DEFAULT_RETRY_POLICY,
  EventHandler,
  RetryPolicy,
} from './event-handler';
import { runsOf } from './handler-runs';
import { tombstonesSkipped } from './messaging-metrics';
import { bytesOf, ParkReasons, readJson, UnreadableMessageError } from './received-message';

interface Registration {
  definition: EventDefinition;
  handler: EventHandler;
  /** Set-based form (`onBatch`); `handler` then applies one event through it. */
  batchHandler?: BatchEventHandler;
}

interface Consumer {
  name: string;
  /** By event type: each consumer understands one version of a type and gets every version converted to it. */
  handlers: Map<string, Registration>;
  topics: Set<string>;
  /** Set when the group takes its messages in batches (ADR 0045). */
  batches?: BatchOptions;
}

/** A message read and converted for its consumer, ready to be applied. */
interface Readable {
  message: TransportMessage;
  bytes: Buffer;
  event: EventEnvelope;
  registration: Registration;
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
    this.register(consumer, { definition, handler: handler as unknown as EventHandler });
  }

  /**
   * Registers a set-based handler and makes `consumer` take its messages in batches (ADR 0045). Consecutive
   * events handled by the same function go to it in one call, so one function may serve several event types.
   */
  onBatch<D extends EventDefinition>(
    consumer: string,
    definition: D,
    handleBatch: BatchEventHandler<D>,
    options: BatchOptions = {},
  ): void {
    const batchHandler = handleBatch as unknown as BatchEventHandler;
    this.register(consumer, { definition, batchHandler, handler: (event, tx) => batchHandler([event], tx) });
    this.consumeInBatches(consumer, options);
  }

  /**
   * Opt-in (ADR 0045): the group takes its messages in batches, each applied in one transaction with one
   * processed-id query; handlers registered with `on` run one by one, in order, inside it. Call it before `start`.
   */
  consumeInBatches(consumer: string, options: BatchOptions = {}): void {
    const entry = this.entry(consumer);
    entry.batches = { ...entry.batches, ...options };
  }

  private entry(consumer: string): Consumer {
    const entry = this.consumers.get(consumer) ?? { name: consumer, handlers: new Map(), topics: new Set() };
    this.consumers.set(consumer, entry);
    return entry;
  }

  private register(consumer: string, registration: Registration): void {
    const { definition } = registration;
    const entry = this.entry(consumer);
    const existing = entry.handlers.get(definition.type);
    if (existing && existing.definition.version !== definition.version) {
      throw new Error(
        `${consumer} already handles ${definition.type} as v${existing.definition.version}; one version per consumer`,
      );
    }
    entry.handlers.set(definition.type, registration);
    entry.topics.add(topicFor(definition));
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
      if (this.subscribed.has(consumer.name) || consumer.topics.size === 0) continue;
      this.subscribed.add(consumer.name);
      await this.transport
        .subscribe({
          groupId: `crm.${this.service}.${consumer.name}`,
          topics: [...consumer.topics],
          handle: (message) => this.handle(consumer, message),
          ...(consumer.batches && {
            handleBatch: (messages: TransportMessage[]) => this.handleBatch(consumer, messages),
            maxBatchSize: consumer.batches.maxBatchSize,
          }),
        })
        .catch((error: unknown) => {
          this.subscribed.delete(consumer.name);
          throw error;
        });
    }
  }

  private async handle(consumer: Consumer, message: TransportMessage): Promise<void> {
    const readable = await this.read(consumer, message);
    if (readable) await this.applyWithRetries(consumer, readable);
  }

  /**
   * A batch in one transaction: one query records every id and says which were new, and only those are applied.
   * If it fails (a poison event, a deadlock), nothing of it stays and its events are applied one by one, each with
   * its retries, so the bad one is parked and the others land; the transport moves on only after either.
   */
  private async handleBatch(consumer: Consumer, messages: TransportMessage[]): Promise<void> {
    const batch: Readable[] = [];
    for (const message of messages) {
      const readable = await this.read(consumer, message);
      if (readable) batch.push(readable);
    }
    if (batch.length === 0) return;
    try {
      await this.applyBatchOnce(consumer, batch);
    } catch (error) {
      this.logger.warn(
        `${consumer.name}: a batch of ${batch.length} events failed (${error}); applying them one by one`,
      );
      for (const readable of batch) await this.applyWithRetries(consumer, readable);
    }
  }

  /** Parses and converts a message for its consumer; what cannot be applied is parked or skipped here. */
  private async read(consumer: Consumer, message: TransportMessage): Promise<Readable | undefined> {
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
      await this.deadLetters.park({
        consumer: consumer.name,
        message,
        bytes,
        reason,
        error: (error as Error).message,
        attempts: 1,
      });
      return;
    }
    if (!this.registry.knowsType(envelope.type)) {
      // A newer producer's event (a rolling deploy): not ours to apply, and no retry would help.
      await this.deadLetters.skip(consumer.name, message, envelope, SkipReasons.unknownType);
      return;
    }
    const registration = consumer.handlers.get(envelope.type);
    if (!registration) return; // a known event this consumer has no use for
    try {
      return { message, bytes, registration, event: this.registry.readAs(envelope, registration.definition) };
    } catch (error) {
      // Also a converter that throws: no retry would change the bytes, so the event is parked.
      const reason =
        error instanceof UnknownEventVersionError ? ParkReasons.unknownVersion : ParkReasons.invalidPayload;
      await this.deadLetters.park({
        consumer: consumer.name,
        message,
        bytes,
        reason,
        error: (error as Error).message ?? String(error),
        attempts: 1,
        event: envelope,
      });
    }
  }

  private async applyWithRetries(consumer: Consumer, readable: Readable): Promise<void> {
    const { message, bytes, event } = readable;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyOnce(consumer, event, readable.registration.handler, message.headers);
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
    await this.inContextOf(event, headers, () =>
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

  private async applyBatchOnce(consumer: Consumer, batch: Readable[]): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const ids = [...new Set(batch.map(({ event }) => event.id.toLowerCase()))];
      const inserted: { event_id: string }[] = await tx.query(
        `INSERT INTO ${this.schema}.processed_event (consumer, event_id) SELECT $1, unnest($2::uuid[])
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer.name, ids],
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      // Each new id once (the first copy of an event the batch holds twice), in partition order.
      const todo = batch.filter(({ event }) => fresh.delete(event.id.toLowerCase()));
      for (const run of runsOf(todo, ({ registration }) => registration.batchHandler)) {
        if (run.key)
          await run.key(
            run.items.map(({ event }) => event),
            tx,
          );
        else
          for (const { event, message, registration } of run.items)
            await this.inContextOf(event, message.headers, () => registration.handler(event, tx));
      }
    });
  }

  /** A handler's outbox writes carry the event's correlation, its id as their cause, and its trace. */
  private inContextOf<T>(
    event: EventEnvelope,
    headers: Record<string, string>,
    work: () => Promise<T>,
  ): Promise<T> {
    const context = {
      correlationId: event.correlationId,
      causationId: event.id,
      actor: event.actor,
      traceparent: headers[MessageHeaders.traceparent],
    };
    return RequestContext.run(context, work);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
