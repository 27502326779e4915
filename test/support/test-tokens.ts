import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, JWTPayload, KeyLike, SignJWT } from 'jose';
import { DEFAULT_TOKEN_AUDIENCE, PartnerKind, Role } from '@crm/contracts';

export const TEST_ISSUER = 'crm-test-issuer';

export const TEST_AUDIENCE = DEFAULT_TOKEN_AUDIENCE;

export interface TokenClaims {
  sub?: string;
  name?: string;
  roles: Role[];
  partnerId?: string;
  partnerKind?: PartnerKind;
}

/** Signs tokens for tests and serves their JWKS over HTTP, as an OpenID Connect provider would. */
export class TestTokenIssuer {
  private constructor(
    private readonly privateKey: KeyLike,
    private readonly server: Server,
    readonly jwksUrl: string,
  ) {}

  static async start(): Promise<TestTokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestTokenIssuer(privateKey, server, `http://127.0.0.1:${port}/jwks`);
  }

  sign(claims: TokenClaims): Promise<string> {
    return this.signPayload({
      sub: claims.sub ?? `user-${claims.roles.join('-')}`,
      name: claims.name,
      roles: claims.roles,
      partner_id: claims.partnerId,
      partner_kind: claims.partnerKind,
    });
  }

  /**
   * Signs exactly these claims over the usual iss, aud, iat and a one-hour exp; a claim set to
   * undefined in `payload` is left out, so tests can forge tokens that lack or bend one claim.
   */
  signPayload(payload: JWTPayload): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: JWTPayload = {
      iss: TEST_ISSUER,
      aud: TEST_AUDIENCE,
      iat: now,
      exp: now + 3600,
      ...payload,
    };
    for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(this.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }
}
