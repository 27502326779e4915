import { createLocalJWKSet, createRemoteJWKSet, JSONWebKeySet, jwtVerify, JWTVerifyGetKey } from 'jose';
import { ALL_PARTNER_KINDS, ALL_ROLES, PartnerKind, Role } from '@crm/contracts';
import { Principal } from './principal';

export interface TokenVerifierOptions {
  issuer: string;
  jwksUrl?: string;
  /** A key set in hand (embedded default, tests) instead of a URL. */
  jwks?: () => Promise<JSONWebKeySet>;
}

export class InvalidTokenError extends Error {}

/** Verifies bearer JWTs against a JWKS, so any OpenID Connect provider can issue them. */
export class TokenVerifier {
  private readonly getKey: JWTVerifyGetKey;

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwksUrl)
      this.getKey = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 5_000 });
    else if (options.jwks)
      this.getKey = async (header, token) => createLocalJWKSet(await options.jwks!())(header, token);
    else throw new Error('TokenVerifier needs a jwksUrl or a jwks provider');
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.getKey, { issuer: this.options.issuer });
      const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((r): r is Role =>
        ALL_ROLES.includes(r as Role),
      );
      const partnerKind = ALL_PARTNER_KINDS.includes(payload.partner_kind as PartnerKind)
        ? (payload.partner_kind as PartnerKind)
        : undefined;
      return {
        subject: String(payload.sub),
        name: typeof payload.name === 'string' ? payload.name : undefined,
        roles,
        partnerId: typeof payload.partner_id === 'string' ? payload.partner_id : undefined,
        partnerKind,
      };
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
  }
}
