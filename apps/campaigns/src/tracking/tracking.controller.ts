import { Controller, Get, Header, Param, Redirect, StreamableFile } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '@crm/auth';
import { NotFoundError } from '@crm/core';
import { ResponseTrackingService } from './response-tracking.service';

/** The smallest transparent GIF: 1x1, one colour. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const GIF_SUFFIX = '.gif';

/** Public: a mail client loads these without an account; the signed token is the credential. */
@ApiTags('tracking')
@Controller('t')
@Public()
export class TrackingController {
  constructor(private readonly tracking: ResponseTrackingService) {}

  @Get('o/:file')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('image/gif')
  @ApiOperation({
    summary: 'The open pixel of a campaign mail (`{token}.gif`): records the open, once per recipient',
  })
  @ApiOkResponse({ description: 'A 1x1 transparent GIF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'Not a valid tracking link' })
  async open(@Param('file') file: string): Promise<StreamableFile> {
    if (!file.endsWith(GIF_SUFFIX)) throw new NotFoundError('Tracking link', 'given');
    await this.tracking.opened(file.slice(0, -GIF_SUFFIX.length));
    return new StreamableFile(PIXEL, { type: 'image/gif', length: PIXEL.length });
  }

  @Get('c/:token')
  @Redirect()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "A tracked link of a campaign mail: records the click and redirects to the template's link it signs",
  })
  @ApiFoundResponse({ description: 'Redirects to the link in the campaign template' })
  @ApiNotFoundResponse({ description: 'Not a valid tracking link' })
  async click(@Param('token') token: string): Promise<{ url: string; statusCode: number }> {
    return { url: await this.tracking.clicked(token), statusCode: 302 };
  }
}
