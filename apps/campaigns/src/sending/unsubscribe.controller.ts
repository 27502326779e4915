import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConsumes,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '@crm/auth';
import { UnsubscribeTokenPipe } from './unsubscribe-token.pipe';
import { UnsubscribeService } from './unsubscribe.service';

/** Public: the mail client posts here without an account; the signed token is the credential (RFC 8058). */
@ApiTags('unsubscribe')
@Controller('unsubscribe')
@Public()
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Post(':token')
  @HttpCode(204)
  // RFC 8058: the client posts `List-Unsubscribe=One-Click` as a form; the body says nothing the token does not.
  @ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data')
  @ApiOperation({
    summary:
      'One-click unsubscribe from campaign mail (the List-Unsubscribe link); withdraws that channel consent',
  })
  @ApiNoContentResponse({ description: 'Unsubscribed (again, if it was already)' })
  @ApiNotFoundResponse({ description: 'Not a valid unsubscribe link' })
  optOut(@Param('token', UnsubscribeTokenPipe) token: string): Promise<void> {
    return this.unsubscribe.unsubscribe(token);
  }
}
