import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Clock } from '@crm/core';
import { PlatformConfig } from '@crm/config';
import { PLATFORM_CONFIG } from '@crm/platform';
import { SCREEN_POP_CHANNEL } from '../call-center.constants';
import { ScreenPop, ScreenPopDelivery } from './screen-pop';
import { ScreenPopHub } from './screen-pop.hub';

/**
 * Fans a pop out to whichever replica holds the agent's stream: over Redis pub/sub when Redis is
 * configured (every replica delivers to its own connections), straight to this process otherwise.
 */
@Injectable()
export class ScreenPopBus implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ScreenPopBus.name);
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;

  constructor(
    private readonly hub: ScreenPopHub,
    private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.REDIS_URL) return;
    this.publisher = new Redis(this.config.REDIS_URL);
    this.subscriber = new Redis(this.config.REDIS_URL);
    this.subscriber.on('message', (_channel, message) => this.receive(message));
    await this.subscriber.subscribe(this.channel());
  }

  /** To `agentId`'s streams, or every agent's when null. */
  async publish(agentId: string | null, pop: ScreenPop): Promise<void> {
    const sentAt = this.clock.now().getTime();
    const delivery: ScreenPopDelivery = {
      agentId,
      pop,
      sentAt,
      eventId: `${sentAt}.${randomBytes(6).toString('hex')}`,
    };
    if (!this.publisher) return this.hub.deliver(delivery);
    await this.publisher.publish(this.channel(), JSON.stringify(delivery));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.publisher?.quit(), this.subscriber?.quit()]);
  }

  // Namespaced like Kafka topics, so test runs and environments sharing one Redis stay apart.
  private channel(): string {
    return `${this.config.KAFKA_NAMESPACE}${SCREEN_POP_CHANNEL}`;
  }

  private receive(message: string): void {
    try {
      this.hub.deliver(JSON.parse(message) as ScreenPopDelivery);
    } catch (error) {
      this.logger.warn(`dropped a malformed screen pop: ${error}`);
    }
  }
}
