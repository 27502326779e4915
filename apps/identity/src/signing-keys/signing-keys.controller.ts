import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { SigningKeyRotationService } from './signing-key-rotation.service';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/signing-keys')
export class SigningKeysController {
  constructor(private readonly rotation: SigningKeyRotationService) {}

  @Post('rotate')
  @HttpCode(200)
  @Roles(R.admin)
  @ApiOperation({
    summary:
      'Sign new tokens with a fresh key; the previous public key stays in the JWKS until its tokens expire',
  })
  @ApiOkResponse({ schema: { example: { kid: 'Xc3k…' } } })
  @ApiConflictResponse({ description: 'The signing key is configured (IDENTITY_SIGNING_KEY_JWK)' })
  rotate(): Promise<{ kid: string }> {
    return this.rotation.rotate();
  }
}
