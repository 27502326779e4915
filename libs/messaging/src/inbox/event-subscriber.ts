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
  /** The consumer (read model or reaction) that registered it. */
  consumer: string;
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

/**
 * What reads one consumer group and records its processed ids: one consumer, or (ADR 0062) the consumers that read
 * a topic together, each event read once and applied to all of them in one transaction.
 */
interface Group {
  name: string;
  topics: string[];
  /** By event type, in the order the consumers were named. */
  handlers: Map<string, Registration[]>;
  batches?: BatchOptions;
}

/** A message's event converted to the version one registration understands. */
interface Application {
  registration: Registration;
  event: EventEnvelope;
  message: TransportMessage;
}

/** A message read and converted for each consumer of its group that handles it, ready to be applied. */
interface Readable {
  message: TransportMessage;
  bytes: Buffer;
  /** The event as the first application reads it: its id, correlation and type are those of every application. */
  event: EventEnvelope;
  applications: Application[];
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
  /** Consumers that read their topics together (ADR 0062), by the name of the set. */
  private readonly sharedReads = new Map<string, string[]>();
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
    this.register(consumer, { consumer, definition, handler: handler as unknown as EventHandler });
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
    this.register(consumer, {
      consumer,
      definition,
      batchHandler,
      handler: (event, tx) => batchHandler([event], tx),
    });
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

  /**
   * ADR 0062: the consumers read each of their topics through one group, `<name>.<topic>`, which is also the
   * processed-id namespace: a message is fetched and parsed once, and a batch is applied to every consumer that
   * handles its events in one transaction. The price: an event that fails for one of them is parked for all (a
   * replay applies it to all). Only for consumers whose writes commute (projections that merge by rule), since they
   * see each batch one consumer after the other. Call it before `start`.
   */
  readTogether(name: string, consumers: string[]): void {
    const taken = new Set([...this.sharedReads.values()].flat());
    const twice = consumers.filter((consumer) => taken.has(consumer));
    if (twice.length > 0) throw new Error(`${twice.join(', ')} already read together with others`);
    this.sharedReads.set(name, consumers);
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
    for (const group of this.groups()) {
      if (this.subscribed.has(group.name) || group.topics.length === 0) continue;
      this.subscribed.add(group.name);
      await this.transport
        .subscribe({
          groupId: `crm.${this.service}.${group.name}`,
          topics: group.topics,
          handle: (message) => this.handle(group, message),
          ...(group.batches && {
            handleBatch: (messages: TransportMessage[]) => this.handleBatch(group, messages),
            maxBatchSize: group.batches.maxBatchSize,
          }),
        })
        .catch((error: unknown) => {
          this.subscribed.delete(group.name);
          throw error;
        });
    }
  }

  /** A group per consumer that reads alone, and one per topic of each set that reads together. */
  private groups(): Group[] {
    const together = new Set([...this.sharedReads.values()].flat());
    const alone = [...this.consumers.values()]
      .filter((consumer) => !together.has(consumer.name))
      .map((consumer): Group => ({
        name: consumer.name,
        topics: [...consumer.topics],
        handlers: new Map([...consumer.handlers].map(([type, registration]) => [type, [registration]])),
        batches: consumer.batches,
      }));
    const shared = [...this.sharedReads].flatMap(([name, names]) => this.sharedGroups(name, names));
    return [...alone, ...shared];
  }

  private sharedGroups(name: string, names: string[]): Group[] {
    const members = names.flatMap((member) => this.consumers.get(member) ?? []);
    const byTopic = new Map<string, Group>();
    for (const member of members) {
      for (const registration of member.handlers.values()) {
        const topic = topicFor(registration.definition);
        const group = byTopic.get(topic) ?? {
          name: `${name}.${topic}`,
          topics: [topic],
          handlers: new Map<string, Registration[]>(),
          batches: { maxBatchSize: smallestBatch(members) },
        };
        byTopic.set(topic, group);
        const type = registration.definition.type;
        group.handlers.set(type, [...(group.handlers.get(type) ?? []), registration]);
      }
    }
    return [...byTopic.values()];
  }

  private async handle(group: Group, message: TransportMessage): Promise<void> {
    const readable = await this.read(group, message);
    if (readable) await this.applyWithRetries(group, readable);
  }

  /**
   * A batch in one transaction: one query records every id and says which were new, and only those are applied.
   * If it fails (a poison event, a deadlock), nothing of it stays and its events are applied one by one, each with
   * its retries, so the bad one is parked and the others land; the transport moves on only after either.
   */
  private async handleBatch(group: Group, messages: TransportMessage[]): Promise<void> {
    const batch: Readable[] = [];
    for (const message of messages) {
      const readable = await this.read(group, message);
      if (readable) batch.push(readable);
    }
    if (batch.length === 0) return;
    try {
      await this.applyBatchOnce(group, batch);
    } catch (error) {
      this.logger.warn(
        `${group.name}: a batch of ${batch.length} events failed (${error}); applying them one by one`,
      );
      for (const readable of batch) await this.applyWithRetries(group, readable);
    }
  }

  /** Parses a message once and converts it for each consumer of the group; what cannot be applied is parked or skipped here. */
  private async read(group: Group, message: TransportMessage): Promise<Readable | undefined> {
    if (message.value === null) {
      // A tombstone follows the event that erased its record (ADR 0013): that event did the work here.
      tombstonesSkipped.inc({ service: this.service, consumer: group.name, topic: message.topic });
      return;
    }
    const bytes = bytesOf(message.value);
    let envelope: EventEnvelope;
    try {
      envelope = this.registry.parseEnvelope(readJson(bytes));
    } catch (error) {
      const reason = error instanceof UnreadableMessageError ? error.reason : ParkReasons.invalidEnvelope;
      await this.deadLetters.park({
        consumer: group.name,
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
      await this.deadLetters.skip(group.name, message, envelope, SkipReasons.unknownType);
      return;
    }
    const registrations = group.handlers.get(envelope.type);
    if (!registrations) return; // a known event this group has no use for
    try {
      const applications = this.convert(envelope, message, registrations);
      return { message, bytes, event: applications[0].event, applications };
    } catch (error) {
      // Also a converter that throws: no retry would change the bytes, so the event is parked.
      const reason =
        error instanceof UnknownEventVersionError ? ParkReasons.unknownVersion : ParkReasons.invalidPayload;
      await this.deadLetters.park({
        consumer: group.name,
        message,
        bytes,
        reason,
        error: (error as Error).message ?? String(error),
        attempts: 1,
        event: envelope,
      });
    }
  }

  /** Each version the registrations understand is read (and validated) once. */
  private convert(
    envelope: EventEnvelope,
    message: TransportMessage,
    registrations: Registration[],
  ): Application[] {
    const byDefinition = new Map<EventDefinition, EventEnvelope>();
    return registrations.map((registration) => {
      const event =
        byDefinition.get(registration.definition) ?? this.registry.readAs(envelope, registration.definition);
      byDefinition.set(registration.definition, event);
      return { registration, event, message };
    });
  }

  private async applyWithRetries(group: Group, readable: Readable): Promise<void> {
    const { message, bytes, event } = readable;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyOnce(group, readable);
        return;
      } catch (error) {
        if (attempt >= this.retry.attempts) {
          return this.deadLetters.park({
            consumer: group.name,
            message,
            bytes,
            reason: ParkReasons.handlerFailed,
            error: (error as Error).message ?? String(error),
            attempts: attempt,
            event,
          });
        }
        this.logger.warn(`${group.name}: ${event.type} ${event.id} failed (attempt ${attempt}): ${error}`);
        await sleep(Math.min(this.retry.initialDelayMs * 2 ** (attempt - 1), this.retry.maxDelayMs));
      }
    }
  }

  private async applyOnce(group: Group, { event, message, applications }: Readable): Promise<void> {
    await this.inContextOf(event, message.headers, () =>
      this.dataSource.transaction(async (tx) => {
        const inserted: unknown[] = await tx.query(
          `INSERT INTO ${this.schema}.processed_event (consumer, event_id) VALUES ($1, $2)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [group.name, event.id],
        );
        if (inserted.length === 0) return;
        for (const { registration, event: converted } of applications)
          await registration.handler(converted, tx);
      }),
    );
  }

  private async applyBatchOnce(group: Group, batch: Readable[]): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const ids = [...new Set(batch.map(({ event }) => event.id.toLowerCase()))];
      const inserted: { event_id: string }[] = await tx.query(
        `INSERT INTO ${this.schema}.processed_event (consumer, event_id) SELECT $1, unnest($2::uuid[])
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [group.name, ids],
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      // Each new id once (the first copy of an event the batch holds twice), in partition order.
      const todo = batch.filter(({ event }) => fresh.delete(event.id.toLowerCase()));
      for (const applications of byConsumer(todo)) {
        for (const run of runsOf(applications, ({ registration }) => registration.batchHandler)) {
          if (run.key)
            await run.key(
              run.items.map(({ event }) => event),
              tx,
            );
          else
            for (const { event, message, registration } of run.items)
              await this.inContextOf(event, message.headers, () => registration.handler(event, tx));
        }
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

/** A batch's applications, consumer after consumer, each consumer's in partition order. */
function byConsumer(batch: Readable[]): Application[][] {
  const byName = new Map<string, Application[]>();
  for (const { applications } of batch)
    for (const application of applications) {
      const name = application.registration.consumer;
      const list = byName.get(name) ?? [];
      list.push(application);
      byName.set(name, list);
    }
  return [...byName.values()];
}

function smallestBatch(consumers: Consumer[]): number | undefined {
  const sizes = consumers.flatMap((consumer) => consumer.batches?.maxBatchSize ?? []);
  return sizes.length > 0 ? Math.min(...sizes) : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
