import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { PartnerKind, Role } from '@crm/contracts';

export const TEST_ISSUER = 'crm-test-issuer';

export interface TokenClaims {
  sub?: string;
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
    return new SignJWT({
      roles: claims.roles,
      partner_id: claims.partnerId,
      partner_kind: claims.partnerKind,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setSubject(claims.sub ?? `user-${claims.roles.join('-')}`)
      .setIssuer(TEST_ISSUER)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(this.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }
}
