import { Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '@crm/auth';
import { UnsubscribeTokenPipe } from './unsubscribe-token.pipe';
import { UNSUBSCRIBE_CONFIRM_PAGE, UNSUBSCRIBED_PAGE } from './unsubscribe-page';
import { UnsubscribeService } from './unsubscribe.service';

const HTML_PAGE = { type: 'string', example: '<!doctype html>…' };

/** Public: the mail client posts here without an account; the signed token is the credential (RFC 8058). */
@ApiTags('unsubscribe')
@Controller('unsubscribe')
@Public()
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Get(':token')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiOperation({
    summary:
      'The page the link in a mail body opens: a button that posts the unsubscribe (a GET changes nothing)',
  })
  @ApiOkResponse({ description: 'The confirmation page', schema: HTML_PAGE })
  confirmPage(@Param('token', UnsubscribeTokenPipe) _token: string): string {
    return UNSUBSCRIBE_CONFIRM_PAGE;
  }

  @Post(':token')
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  // RFC 8058: the client posts `List-Unsubscribe=One-Click` as a form; the body says nothing the token does not.
  @ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data')
  @ApiProduces('text/html')
  @ApiOperation({
    summary:
      'One-click unsubscribe from campaign mail (the List-Unsubscribe link); withdraws that channel consent',
  })
  @ApiOkResponse({
    description: 'Unsubscribed (again, if it was already): a page saying so',
    schema: HTML_PAGE,
  })
  @ApiNotFoundResponse({ description: 'Not a valid unsubscribe link' })
  async optOut(@Param('token', UnsubscribeTokenPipe) token: string): Promise<string> {
    await this.unsubscribe.unsubscribe(token);
    return UNSUBSCRIBED_PAGE;
  }
}
