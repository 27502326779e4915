import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlatformConfig } from '@crm/config';
import {
  ConsumerLagSource,
  MetricsServer,
  MetricsSource,
  OutboxMetricsSource,
  scrapeSources,
} from '@crm/observability';

export const PLATFORM_SERVICE = Symbol('PLATFORM_SERVICE');
export const PLATFORM_METRICS_CONFIG = Symbol('PLATFORM_METRICS_CONFIG');

/**
 * The metrics beyond HTTP, computed when Prometheus scrapes: outbox backlog and age, dead letters
 * and (on Kafka) consumer lag. With METRICS_PORT set, /metrics answers there instead of the API port.
 */
@Injectable()
export class PlatformMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PlatformMetrics.name);
  private readonly sources: MetricsSource[] = [];
  private readonly lag?: ConsumerLagSource;
  private readonly server = new MetricsServer();
  private port?: number;

  constructor(
    @Inject(PLATFORM_SERVICE) service: string,
    @Inject(PLATFORM_METRICS_CONFIG) private readonly config: PlatformConfig,
    dataSource: DataSource,
  ) {
    this.sources.push(new OutboxMetricsSource(dataSource));
    if (config.EVENT_TRANSPORT === 'kafka' && config.KAFKA_BROKERS) {
      this.lag = new ConsumerLagSource({
        brokers: config.KAFKA_BROKERS.split(','),
        namespace: config.KAFKA_NAMESPACE,
        service,
      });
      this.sources.push(this.lag);
    }
  }

  /** The management port /metrics listens on, when METRICS_PORT is set. */
  get managementPort(): number | undefined {
    return this.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.sources.forEach((source) => scrapeSources.add(source));
    if (this.config.METRICS_PORT === undefined) return;
    this.port = await this.server.listen(this.config.METRICS_PORT);
    this.logger.log(`metrics on port ${this.port} (/metrics)`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.sources.forEach((source) => scrapeSources.delete(source));
    await Promise.all([this.lag?.close(), this.server.close()]);
  }
}
