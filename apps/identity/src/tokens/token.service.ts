import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock } from '@crm/core';
import { IDENTITY_SETTINGS, IdentitySettings } from '../identity.config';
import { ApiClientAdministration } from '../partner-clients/api-client-administration';
import { SigningKeysService } from '../signing-keys/signing-keys.service';
import { UsersService } from '../users/users.service';
import { GrantTypes, TokenRequestDto } from './dto/token-request.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { InvalidCredentialsError } from './invalid-credentials.error';
import { LoginThrottle } from './login-throttle';
import { tokenClaims, TokenSubject } from './token-claims';

export interface SignedIn {
  token: string;
  expiresIn: number;
  principal: Principal;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly users: UsersService,
    private readonly clients: ApiClientAdministration,
    private readonly throttle: LoginThrottle,
    private readonly keys: SigningKeysService,
    private readonly clock: Clock,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /** `callerAddress` is the client's IP address, counted for the address-wide limit on failures. */
  async issue(request: TokenRequestDto, callerAddress: string | undefined): Promise<TokenResponseDto> {
    const { token, expiresIn } = await this.grant(request, callerAddress);
    return { access_token: token, token_type: 'Bearer', expires_in: expiresIn };
  }

  /** The console's sign-in: the same password grant (and limits), with who was signed in. */
  async signIn(username: string, password: string, callerAddress: string | undefined): Promise<SignedIn> {
    return this.grant({ grant_type: GrantTypes.password, username, password }, callerAddress);
  }

  private async grant(request: TokenRequestDto, callerAddress: string | undefined): Promise<SignedIn> {
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
    return {
      token: await this.keys.sign(claims),
      expiresIn: tokenTtlSeconds,
      principal: toPrincipal(subject),
    };
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

function toPrincipal({ subject, name, roles, partnerId, partnerKind }: TokenSubject): Principal {
  return { subject, name, roles, ...(partnerId && partnerKind ? { partnerId, partnerKind } : {}) };
}
