import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@crm/auth';
import { SigningKeysService } from './signing-keys.service';

@ApiTags('auth')
@Controller('auth')
export class JwksController {
  constructor(private readonly keys: SigningKeysService) {}

  @Get('jwks')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The public keys that verify this issuer’s tokens (JWKS, RFC 7517)' })
  @ApiOkResponse({
    schema: {
      example: { keys: [{ kty: 'RSA', n: '0vx7agoebG…', e: 'AQAB', kid: 'k1', alg: 'RS256', use: 'sig' }] },
    },
  })
  async jwks() {
    return { keys: await this.keys.publicKeys() };
  }
}
