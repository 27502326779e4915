import { calculateJwkThumbprint, JWK } from 'jose';

export const SIGNING_ALGORITHM = 'RS256';

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

/** Only the public members of an RSA key, labelled as verifiers expect; nothing private can slip through. */
export function publicJwkOf(privateJwk: JWK, kid: string): JWK {
  return { kty: 'RSA', n: privateJwk.n, e: privateJwk.e, kid, alg: SIGNING_ALGORITHM, use: 'sig' };
}

/** The key id is the RFC 7638 thumbprint unless the key names one itself. */
export async function signingKeyFrom(privateJwk: JWK): Promise<SigningKey> {
  const kid =
    privateJwk.kid ?? (await calculateJwkThumbprint({ kty: 'RSA', n: privateJwk.n, e: privateJwk.e }));
  return { kid, privateJwk: { ...privateJwk, kid }, publicJwk: publicJwkOf(privateJwk, kid) };
}
