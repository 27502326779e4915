import { ApiProperty } from '@nestjs/swagger';
import { SIGNING_ALGORITHM } from '../../signing-keys/signing-key';
import { ALL_GRANT_TYPES } from './token-request.dto';

/** OpenID Connect Discovery metadata, the fields this issuer publishes. */
export class OpenIdConfigurationResponse {
  @ApiProperty({ example: 'crm-identity' })
  issuer: string;
  @ApiProperty({ format: 'uri', example: 'https://identity.crm.example.cn/auth/token' })
  token_endpoint: string;
  @ApiProperty({ format: 'uri', example: 'https://identity.crm.example.cn/auth/jwks' })
  jwks_uri: string;
  @ApiProperty({ enum: ALL_GRANT_TYPES, isArray: true })
  grant_types_supported: string[];
  @ApiProperty({ example: ['client_secret_post'] })
  token_endpoint_auth_methods_supported: string[];
  @ApiProperty({ example: [SIGNING_ALGORITHM] })
  id_token_signing_alg_values_supported: string[];
}
