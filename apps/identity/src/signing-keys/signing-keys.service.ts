import { Inject, Injectable } from '@nestjs/common';
import { exportJWK, generateKeyPair, importJWK, JWK, JWTPayload, KeyLike, SignJWT } from 'jose';
import { IDENTITY_SETTINGS, IdentitySettings } from '../identity.config';
import { SIGNING_ALGORITHM, SigningKey, signingKeyFrom } from './signing-key';
import { SigningKeyRepository } from './signing-key.repository';

interface Signer {
  kid: string;
  privateKey: KeyLike | Uint8Array;
}

/**
 * Holds the token signing key: the configured one, or a key pair generated on first use and kept in
 * the database so every replica and restart signs with the same key. The private key never leaves here.
 */
@Injectable()
export class SigningKeysService {
  private signer?: Promise<Signer>;

  constructor(
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
    private readonly keys: SigningKeyRepository,
  ) {}

  async sign(claims: JWTPayload): Promise<string> {
    const { kid, privateKey } = await this.currentSigner();
    return new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: 'JWT' })
      .sign(privateKey);
  }

  /** Every key a token of ours may be signed with, public members only. */
  async publicKeys(): Promise<JWK[]> {
    const configured = this.settings.signingKeyJwk;
    if (configured) return [(await signingKeyFrom(configured)).publicJwk];
    return (await this.storedKeys()).map((key) => key.publicJwk);
  }

  private currentSigner(): Promise<Signer> {
    this.signer ??= this.loadSigner().catch((error: unknown) => {
      this.signer = undefined;
      throw error;
    });
    return this.signer;
  }

  private async loadSigner(): Promise<Signer> {
    const configured = this.settings.signingKeyJwk;
    const key = configured ? await signingKeyFrom(configured) : (await this.storedKeys())[0];
    return { kid: key.kid, privateKey: await importJWK(key.privateJwk, SIGNING_ALGORITHM) };
  }

  private async storedKeys(): Promise<SigningKey[]> {
    const active = await this.keys.findActive();
    if (active.length > 0) return active;
    await this.keys.addIfNoneActive(await generateSigningKey());
    return this.keys.findActive();
  }
}

async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { modulusLength: 2048, extractable: true });
  return signingKeyFrom(await exportJWK(privateKey));
}
