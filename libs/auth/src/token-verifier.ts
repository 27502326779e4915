import {
  createLocalJWKSet,
  createRemoteJWKSet,
  JSONWebKeySet,
  JWTPayload,
  jwtVerify,
  JWTVerifyGetKey,
} from 'jose';
import { ALL_PARTNER_KINDS, ALL_ROLES, DEFAULT_TOKEN_AUDIENCE, PartnerKind, Role } from '@crm/contracts';
import { Principal } from './principal';
import { VerifiedTokenCache } from './verified-token-cache';

/** Identity may issue tokens living a day at most; anything longer was not issued by us as configured. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 86_400;
/** The only algorithm our issuer signs with; pinned so no header can pick a weaker one. */
export const TOKEN_ALGORITHMS = ['RS256'];
const CLOCK_TOLERANCE_SECONDS = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TokenVerifierOptions {
  issuer: string;
  /** The audience tokens must name; DEFAULT_TOKEN_AUDIENCE unless configured (AUTH_AUDIENCE). */
  audience?: string;
  /** exp - iat (and exp - now) may not exceed this. */
  maxLifetimeSeconds?: number;
  jwksUrl?: string;
  /** A key set in hand (embedded default, tests) instead of a URL. */
  jwks?: () => Promise<JSONWebKeySet>;
}

export class InvalidTokenError extends Error {}

/** The signing keys could not be had (the key set's server is down, slow or answers garbage): not the token's fault. */
export class KeySetUnavailableError extends Error {}

/** What a key lookup throws because of the token itself; anything else is the key set failing us. */
const TOKEN_KEY_ERRORS = new Set([
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JOSE_NOT_SUPPORTED',
]);

const keysUnavailable = (error: unknown) =>
  new KeySetUnavailableError(`the signing keys are unavailable: ${(error as Error).message}`);

/** A key resolver whose failures to fetch or read the key set are KeySetUnavailableError. */
function reportingUnavailableKeys(getKey: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await getKey(header, token);
    } catch (error) {
      if (TOKEN_KEY_ERRORS.has((error as { code?: string }).code ?? '')) throw error;
      throw keysUnavailable(error);
    }
  };
}

async function keySetFrom(provider: () => Promise<JSONWebKeySet>): Promise<JSONWebKeySet> {
  try {
    return await provider();
  } catch (error) {
    throw keysUnavailable(error);
  }
}

/** Verifies bearer JWTs against a JWKS, so any OpenID Connect provider can issue them. */
export class TokenVerifier {
  private readonly getKey: JWTVerifyGetKey;
  private readonly verified = new VerifiedTokenCache();

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwksUrl)
      this.getKey = reportingUnavailableKeys(
        createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 5_000 }),
      );
    else if (options.jwks) {
      const jwks = options.jwks;
      this.getKey = async (header, token) => createLocalJWKSet(await keySetFrom(jwks))(header, token);
    } else throw new Error('TokenVerifier needs a jwksUrl or a jwks provider');
  }

  async verify(token: string, now: Date = new Date()): Promise<Principal> {
    const known = this.verified.get(token, now);
    if (known) return known;
    const { principal, exp } = await this.verifySignatureAndClaims(token, now);
    this.verified.set(token, principal, exp, now);
    return principal;
  }

  private async verifySignatureAndClaims(
    token: string,
    now: Date,
  ): Promise<{ principal: Principal; exp: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.getKey, {
        issuer: this.options.issuer,
        audience: this.options.audience ?? DEFAULT_TOKEN_AUDIENCE,
        algorithms: TOKEN_ALGORITHMS,
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: now,
      }));
    } catch (error) {
      if (error instanceof KeySetUnavailableError) throw error;
      throw new InvalidTokenError((error as Error).message);
    }
    const times = payload as Required<Pick<JWTPayload, 'exp' | 'iat'>>;
    this.checkLifetime(times, now);
    return { principal: principalOf(payload), exp: times.exp };
  }

  private checkLifetime({ exp, iat }: { exp: number; iat: number }, now: Date): void {
    const max = this.options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (exp - iat > max || exp - nowSeconds > max + CLOCK_TOLERANCE_SECONDS)
      throw new InvalidTokenError(`token lifetime exceeds the maximum of ${max} seconds`);
    if (iat > nowSeconds + CLOCK_TOLERANCE_SECONDS) throw new InvalidTokenError('token issued in the future');
  }
}

/** Reads our claims strictly: a token that does not say who and what the caller is, is refused. */
function principalOf(payload: JWTPayload): Principal {
  if (typeof payload.sub !== 'string' || payload.sub === '')
    throw new InvalidTokenError('missing "sub" claim');
  if (!Array.isArray(payload.roles) || payload.roles.length === 0)
    throw new InvalidTokenError('missing "roles" claim');
  const roles = payload.roles.filter((r): r is Role => ALL_ROLES.includes(r as Role));
  if (roles.length === 0) throw new InvalidTokenError('no known role in "roles" claim');
  const partnerId = payload.partner_id;
  if (partnerId !== undefined && (typeof partnerId !== 'string' || !UUID.test(partnerId)))
    throw new InvalidTokenError('"partner_id" claim is not a UUID');
  const partnerKind = ALL_PARTNER_KINDS.includes(payload.partner_kind as PartnerKind)
    ? (payload.partner_kind as PartnerKind)
    : undefined;
  return {
    subject: payload.sub,
    name: typeof payload.name === 'string' ? payload.name : undefined,
    roles,
    partnerId,
    partnerKind,
  };
}
