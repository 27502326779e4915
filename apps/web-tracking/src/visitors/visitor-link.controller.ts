import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Public } from '@crm/auth';
import { Clock } from '@crm/core';
import { UuidPipe } from '@crm/http';
import { WEB_TRACKING_SETTINGS, WebTrackingSettings } from '../web-tracking-settings';
import { SiteSignature } from './site-signature';
import { VisitorLinkService } from './visitor-link.service';

class LinkVisitorDto {
  @ApiProperty({ format: 'uuid', description: "The customer master's id of the customer who logged in" })
  @IsUUID()
  customerId!: string;
}

/** Public route, credential in the request: the site's server signs each call with its shared secret. */
@ApiTags('tracking')
@Controller('tracking/visitors')
@Public()
export class VisitorLinkController {
  private readonly signature: SiteSignature | null;

  constructor(
    private readonly links: VisitorLinkService,
    private readonly clock: Clock,
    @Inject(WEB_TRACKING_SETTINGS) settings: WebTrackingSettings,
  ) {
    this.signature = settings.siteSecret ? new SiteSignature(settings.siteSecret) : null;
  }

  @Post(':visitorId/customer')
  @HttpCode(204)
  @ApiOperation({
    summary: "The site's server, after a login: visitor V is customer C (signed with the site secret)",
    description:
      'Links a visitor who consented on the site; their earlier page views become the customer\'s. `X-Site-Signature: t=<unix seconds>,s=<HMAC-SHA256 base64url of "visitor-link.<t>.<visitorId>.<customerId>">`, within 5 minutes.',
  })
  @ApiHeader({ name: 'X-Site-Signature', required: true, example: 't=1796090000,s=…' })
  @ApiNoContentResponse({ description: 'Taken (the same answer whatever the customer consented to)' })
  @ApiBadRequestResponse({ description: 'A bad visitor or customer id' })
  @ApiUnauthorizedResponse({ description: 'A missing, wrong or stale signature' })
  async link(
    @Param('visitorId', UuidPipe) visitorId: string,
    @Body() body: LinkVisitorDto,
    @Headers('x-site-signature') header: string | undefined,
  ): Promise<void> {
    if (!this.signature) throw new ServiceUnavailableException('WEB_TRACKING_SITE_SECRET is not set');
    if (!this.signature.verify(header, visitorId, body.customerId, this.clock.now()))
      throw new UnauthorizedException('X-Site-Signature is missing, wrong or stale');
    await this.links.link(visitorId, body.customerId);
  }
}
