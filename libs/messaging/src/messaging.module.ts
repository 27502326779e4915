import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleDestroy,
  BeforeApplicationShutdown,
  Logger,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, IdGenerator } from '@crm/core';
import { EventFactory } from './event-factory';
import { EventSubscriber } from './inbox/event-subscriber';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { MessageTransport } from './transport/message-transport';
import { UnitOfWork } from './unit-of-work';
import { MessageRetention, RetentionPolicy } from './retention/message-retention';

export interface MessagingOptions {
  transport: () => MessageTransport;
  relayEnabled: boolean;
  pollIntervalMs: number;
  retention: RetentionPolicy;
}

const RETENTION_INTERVAL_MS = 3_600_000;

export interface ServiceMessagingOptions {
  /** The producer name stamped on events and the prefix of its consumer groups. */
  service: string;
  /** The database schema holding this service's outbox, processed_event and dead_letter tables. */
  schema: string;
}

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
const SERVICE_MESSAGING_OPTIONS = Symbol('SERVICE_MESSAGING_OPTIONS');

@Injectable()
class TransportShutdown implements OnApplicationShutdown {
  constructor(private readonly transport: MessageTransport) {}
  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}

/**
 * Starts consumers once every module has registered its handlers, and on shutdown drains in
 * order: stop consuming, publish what the outbox still holds, then close the transport.
 */
@Injectable()
class ServiceMessagingLifecycle
  implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown
{
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly subscriber: EventSubscriber,
    private readonly relay: OutboxRelay,
    private readonly transport: MessageTransport,
    private readonly retention: MessageRetention,
    private readonly clock: Clock,
  ) {}

  private retentionTimer?: NodeJS.Timeout;

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriber.start();
    if (this.options.relayEnabled) this.relay.start();
    this.retentionTimer = setInterval(() => void this.purge(), RETENTION_INTERVAL_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.retentionTimer);
    await this.transport.stopConsuming();
  }

  private async purge(): Promise<void> {
    await this.retention.purge(this.clock.now()).catch((error) => {
      new Logger(MessageRetention.name).warn(`retention purge failed, will retry: ${error}`);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.options.relayEnabled) await this.relay.stop();
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: MessageTransport, useFactory: options.transport },
        TransportShutdown,
      ],
      exports: [MessageTransport, MESSAGING_OPTIONS],
    };
  }

  /** The outbox, relay and subscriber of one service, bound to its schema. */
  static forService(options: ServiceMessagingOptions): DynamicModule {
    return {
      module: ServiceMessagingModule,
      global: false,
      providers: [
        { provide: SERVICE_MESSAGING_OPTIONS, useValue: options },
        {
          provide: EventFactory,
          inject: [Clock, IdGenerator],
          useFactory: (clock: Clock, ids: IdGenerator) => new EventFactory(options.service, clock, ids),
        },
        {
          provide: OutboxRelay,
          inject: [DataSource, MessageTransport, MESSAGING_OPTIONS],
          useFactory: (dataSource: DataSource, transport: MessageTransport, messaging: MessagingOptions) =>
            new OutboxRelay(dataSource, transport, {
              schema: options.schema,
              pollIntervalMs: messaging.pollIntervalMs,
              batchSize: 200,
            }),
        },
        {
          provide: Outbox,
          inject: [OutboxRelay],
          useFactory: (relay: OutboxRelay) => new Outbox(options.schema, () => relay.wake()),
        },
        {
          provide: UnitOfWork,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new UnitOfWork(dataSource),
        },
        {
          provide: EventSubscriber,
          inject: [DataSource, MessageTransport],
          useFactory: (dataSource: DataSource, transport: MessageTransport) =>
            // A handler's outbox rows wake the relay through the outbox's after-commit hook.
            new EventSubscriber(options.service, options.schema, dataSource, transport),
        },
        {
          provide: MessageRetention,
          inject: [DataSource, MESSAGING_OPTIONS],
          useFactory: (dataSource: DataSource, messaging: MessagingOptions) =>
            new MessageRetention(dataSource, options.schema, messaging.retention),
        },
        ServiceMessagingLifecycle,
      ],
      exports: [EventFactory, Outbox, OutboxRelay, UnitOfWork, EventSubscriber, MessageRetention],
    };
  }
}

@Module({})
class ServiceMessagingModule {}
