import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@crm/core';
import { IDENTITY_SETTINGS, IdentitySettings } from '../identity.config';
import { PartnerClientsService } from '../partner-clients/partner-clients.service';
import { SigningKeysService } from '../signing-keys/signing-keys.service';
import { UsersService } from '../users/users.service';
import { GrantTypes, TokenRequestDto } from './dto/token-request.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { InvalidCredentialsError } from './invalid-credentials.error';
import { LoginThrottle } from './login-throttle';
import { tokenClaims, TokenSubject } from './token-claims';

@Injectable()
export class TokenService {
  constructor(
    private readonly users: UsersService,
    private readonly clients: PartnerClientsService,
    private readonly throttle: LoginThrottle,
    private readonly keys: SigningKeysService,
    private readonly clock: Clock,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /** `callerAddress` is the client's IP address, counted for the address-wide limit on failures. */
  async issue(request: TokenRequestDto, callerAddress: string | undefined): Promise<TokenResponseDto> {
    const subject = await this.throttle.attempt(
      request.grant_type === GrantTypes.password
        ? { kind: 'user', account: request.username!, address: callerAddress }
        : { kind: 'client', account: request.client_id!, address: callerAddress },
      () => this.authenticate(request),
    );
    if (!subject) throw new InvalidCredentialsError();
    const { issuer, audience, tokenTtlSeconds } = this.settings;
    const claims = tokenClaims(subject, {
      issuer,
      audience,
      issuedAt: this.clock.now(),
      ttlSeconds: tokenTtlSeconds,
    });
    return { access_token: await this.keys.sign(claims), token_type: 'Bearer', expires_in: tokenTtlSeconds };
  }

  private async authenticate(request: TokenRequestDto): Promise<TokenSubject | null> {
    if (request.grant_type === GrantTypes.password) {
      const user = await this.users.authenticate(request.username!, request.password!);
      return user && { ...user, subject: user.id, name: user.displayName };
    }
    const client = await this.clients.authenticate(request.client_id!, request.client_secret!);
    return client && { ...client, subject: client.clientId };
  }
}
