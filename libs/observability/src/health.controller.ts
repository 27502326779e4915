import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '@crm/auth';
import { MessageTransport } from '@crm/messaging';
import { CacheStore } from './cache-store';

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

  /** Database, event transport and cache answer; traffic is routed here only then. */
  @Public()
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3_000 }),
      () => this.up(`events:${this.transport.name}`, () => this.transport.isHealthy()),
      () => this.up(`cache:${this.cache.name}`, () => this.cache.isHealthy()),
    ]);
  }

  private async up(key: string, check: () => Promise<boolean>) {
    const indicator = this.indicators.check(key);
    return (await check()) ? indicator.up() : indicator.down();
  }
}
