import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { ForbiddenError } from '@crm/core';
import { WEB_TRACKING_SETTINGS, WebTrackingSettings } from '../web-tracking-settings';

/**
 * CORS for the beacon, limited to the configured site origins. A browser sends a text/plain beacon without a
 * preflight, so the origin is also checked here: a page of any other origin is refused (403) and nothing stored.
 */
@Injectable()
export class SiteOriginMiddleware implements NestMiddleware {
  constructor(@Inject(WEB_TRACKING_SETTINGS) private readonly settings: WebTrackingSettings) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const origin = request.headers.origin;
    if (!origin || !this.settings.siteOrigins.includes(origin))
      throw new ForbiddenError('Page views are taken only from the configured site origins');
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Vary', 'Origin');
    if (request.method === 'OPTIONS') {
      response.setHeader('Access-Control-Allow-Methods', 'POST');
      response.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      response.setHeader('Access-Control-Max-Age', '86400');
      response.status(204).end();
      return;
    }
    next();
  }
}
