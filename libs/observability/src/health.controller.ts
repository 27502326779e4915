import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Gauge } from 'prom-client';
import { Public } from '@crm/auth';
import { MessageTransport } from '@crm/messaging';
import { CacheStore } from './cache-store';
import { metricsRegistry } from './metrics';

/** Shorter than the readiness probe's timeout, so a broker that does not answer reads as unreachable. */
const TRANSPORT_CHECK_TIMEOUT_MS = 2_000;

const transportUp = new Gauge({
  name: 'event_transport_up',
  help: '1 when the event transport (Kafka) answered the last readiness check, 0 when not',
  labelNames: ['transport'],
  registers: [metricsRegistry],
});

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly transport: MessageTransport,
    private readonly cache: CacheStore,
  ) {}

  /** The process is up; orchestrators restart it when this fails. */
  @Public()
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Database and cache answer; traffic is routed here only then. The event transport is reported
   * but never takes the service out of traffic: while Kafka is down writes still commit with their
   * events in the outbox, which the relay publishes once the broker is back.
   */
  @Public()
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3_000 }),
      ...(this.transport.name === 'none' ? [] : [() => this.events()]),
      () => this.up(`cache:${this.cache.name}`, () => this.cache.isHealthy()),
    ]);
  }

  private async events() {
    const indicator = this.indicators.check(`events:${this.transport.name}`);
    const reachable = await answersWithin(this.transport.isHealthy(), TRANSPORT_CHECK_TIMEOUT_MS);
    transportUp.set({ transport: this.transport.name }, reachable ? 1 : 0);
    if (reachable) return indicator.up();
    return indicator.up({
      degraded: true,
      reachable: false,
      detail: 'broker unreachable: events wait in the outbox, consumers resume when it is back',
    });
  }

  private async up(key: string, check: () => Promise<boolean>) {
    const indicator = this.indicators.check(key);
    return (await check()) ? indicator.up() : indicator.down();
  }
}

function answersWithin(check: Promise<boolean>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  return Promise.race([check.catch(() => false), timeout]).finally(() => clearTimeout(timer));
}
