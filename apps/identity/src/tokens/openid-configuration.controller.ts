import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { Public } from '@crm/auth';
import { IDENTITY_SETTINGS, IdentitySettings } from '../identity.config';
import { SIGNING_ALGORITHM } from '../signing-keys/signing-key';
import { OpenIdConfigurationResponse } from './dto/openid-configuration.response';
import { ALL_GRANT_TYPES } from './dto/token-request.dto';

@ApiTags('auth')
@Controller('.well-known')
export class OpenIdConfigurationController {
  constructor(@Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings) {}

  @Get('openid-configuration')
  @Public()
  @ApiOperation({
    summary: 'Discovery document: the issuer, its token endpoint and its keys (OpenID Connect Discovery)',
  })
  @ApiOkResponse({ type: OpenIdConfigurationResponse })
  configuration(@Req() request: Request): OpenIdConfigurationResponse {
    // Addressed as the caller addressed us, so the links work behind any host name.
    const base = `${request.protocol}://${request.get('host')}`;
    return {
      issuer: this.settings.issuer,
      token_endpoint: `${base}/auth/token`,
      jwks_uri: `${base}/auth/jwks`,
      grant_types_supported: ALL_GRANT_TYPES,
      token_endpoint_auth_methods_supported: ['client_secret_post'],
      id_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
    };
  }
}
