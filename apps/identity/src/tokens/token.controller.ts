import { Body, Controller, Get, Header, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Request } from 'express';
import { CurrentPrincipal, Principal, Public, Roles } from '@crm/auth';
import { ALL_ROLES } from '@crm/contracts';
import { PrincipalDto } from './dto/principal.dto';
import { TokenRequestDto } from './dto/token-request.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { TokenService } from './token.service';

@ApiTags('auth')
@Controller('auth')
export class TokenController {
  constructor(private readonly tokens: TokenService) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Issue an access token for a user (password) or a partner client (client_credentials)',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiTooManyRequestsResponse({
    description:
      'Too many failed attempts for this account or from this address; Retry-After gives the seconds left',
  })
  token(@Body() body: TokenRequestDto, @Req() request: Request): Promise<TokenResponseDto> {
    // Behind a proxy request.ip comes from X-Forwarded-For only when TRUST_PROXY trusts the proxy
    // (TrustProxySetup); otherwise every caller behind it shares the proxy's address limit.
    return this.tokens.issue(body, request.ip);
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the bearer token (or the console’s session cookie) says the caller is' })
  @ApiOkResponse({ type: PrincipalDto })
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
