import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { Public } from '@crm/auth';
import { messagingMetricsRegistry } from '@crm/messaging';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export function httpMetricsMiddleware(request: Request, response: Response, next: NextFunction): void {
  const end = httpDuration.startTimer();
  response.on('finish', () => {
    const route = (request.route?.path as string | undefined) ?? 'unmatched';
    end({ method: request.method, route, status: String(response.statusCode) });
  });
  next();
}

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Public()
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  async metrics(): Promise<string> {
    // Merged per request, so metrics registered after start-up are served too.
    return Registry.merge([metricsRegistry, messagingMetricsRegistry]).metrics();
  }
}
