import { Body, Controller, Delete, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { clearedSessionCookie, CSRF_HEADER, Public, requireCsrfHeader, sessionCookie } from '@crm/auth';
import { SessionRequestDto } from './dto/session-request.dto';
import { SessionResponseDto } from './dto/session-response.dto';
import { TokenService } from './token.service';

const CSRF_HEADER_DOC = {
  name: CSRF_HEADER,
  required: true,
  description: 'Any value; a cross-site form cannot send it (ADR 0040)',
  example: '1',
};

/**
 * The web console's browser session (ADR 0040): the access token in an http-only, SameSite=Strict
 * cookie that every service's guard accepts; GET /auth/me tells who is signed in.
 */
@ApiTags('auth')
@Controller('auth/session')
export class SessionController {
  constructor(private readonly tokens: TokenService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiOperation({ summary: 'Sign in with a password: sets the session cookie (http-only) for the console' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiForbiddenResponse({ description: `Without the ${CSRF_HEADER} header` })
  @ApiTooManyRequestsResponse({
    description: 'The same limits as POST /auth/token; Retry-After gives the seconds left',
  })
  async signIn(
    @Body() body: SessionRequestDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponseDto> {
    // A cross-site form must not sign the browser in to someone else's account either.
    requireCsrfHeader(request);
    const { token, expiresIn, principal } = await this.tokens.signIn(
      body.username,
      body.password,
      request.ip,
    );
    response.setHeader('Set-Cookie', sessionCookie(token, expiresIn, request.secure));
    return { principal, expires_in: expiresIn };
  }

  @Delete()
  @Public()
  @HttpCode(204)
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiOperation({ summary: 'Sign out: clears the session cookie (works with an expired one too)' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: `Without the ${CSRF_HEADER} header` })
  signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    requireCsrfHeader(request);
    response.setHeader('Set-Cookie', clearedSessionCookie(request.secure));
  }
}
