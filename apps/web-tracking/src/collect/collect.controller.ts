import { Body, Controller, Get, Header, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Request } from 'express';
import { Public } from '@crm/auth';
import { isAutomatedClient } from './automated-client';
import { parsePageBeacon } from './page-beacon';
import { PageViewCollector } from './page-view-collector';
import { TrackingRateLimit } from './tracking-rate-limit';
import { TRACKING_SCRIPT } from './tracking-script';

class BeaconAnswer {
  @ApiProperty({
    description:
      'Whether anything was stored (false without consent, for a withdrawn customer, or from a crawler or scripted browser)',
  })
  stored!: boolean;
}

/** Public: a site visitor's browser calls these; consent, origin and rate limits stand in for a token. */
@ApiTags('tracking')
@Controller('tracking')
@Public()
export class CollectController {
  constructor(
    private readonly collector: PageViewCollector,
    private readonly rateLimit: TrackingRateLimit,
  ) {}

  @Post('events')
  @HttpCode(202)
  @ApiConsumes('text/plain', 'application/json')
  @ApiOperation({
    summary:
      "A page view, its time on page, or the visitor's withdrawal, from the site's script (sendBeacon)",
    description:
      'JSON, sent as text/plain so a browser needs no preflight, at most 4 KB, only from the configured site origins. Without `"consent": true` nothing is stored; nor from a crawler or a scripted browser (by its User-Agent).',
  })
  @ApiBody({
    schema: {
      type: 'object',
      example: {
        type: 'view',
        consent: true,
        visitorId: '6f1c2a9e-2b6f-4d8a-9a49-2f7c1e0b5d13',
        viewId: '0b8e4c1d-7a52-4f3e-8d61-5c2a9e7f1b40',
        seq: 3,
        path: '/models/aurora-s7',
        category: 'models',
        model: 'Aurora S7',
      },
    },
  })
  @ApiAcceptedResponse({ type: BeaconAnswer })
  @ApiBadRequestResponse({ description: 'Not a valid beacon; the problem names the field' })
  @ApiForbiddenResponse({ description: 'Not from a configured site origin' })
  @ApiTooManyRequestsResponse({ description: 'Over the per-IP or per-visitor limit' })
  async collect(@Body() body: unknown, @Req() request: Request): Promise<BeaconAnswer> {
    await this.rateLimit.checkAddress(request.ip);
    const beacon = parsePageBeacon(body);
    if (!beacon || isAutomatedClient(request.get('user-agent'))) return { stored: false };
    await this.rateLimit.checkVisitor(beacon.visitorId);
    return { stored: await this.collector.collect(beacon) };
  }

  @Get('script.js')
  @Header('Content-Type', 'application/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiProduces('application/javascript')
  @ApiOperation({
    summary: "The script the site embeds: sends nothing until the site reports the visitor's consent",
  })
  @ApiOkResponse({ description: 'JavaScript, no dependencies', schema: { type: 'string' } })
  script(): string {
    return TRACKING_SCRIPT;
  }
}
