import { Inject, Injectable } from '@nestjs/common';
import { exportJWK, generateKeyPair, importJWK, JWK, JWTPayload, KeyLike, SignJWT } from 'jose';
import { Clock } from '@crm/core';
import { IDENTITY_SETTINGS, IdentitySettings } from '../identity.config';
import { isEncryptedJwk } from './key-encryption';
import { KeyEncryptionProvider } from './key-encryption-key';
import { SIGNING_ALGORITHM, SigningKey, signingKeyFrom } from './signing-key';
import { SigningKeyRepository, StoredSigningKey } from './signing-key.repository';

interface Signer {
  kid: string;
  privateKey: KeyLike | Uint8Array;
  /** When to look again: the refresh interval, or sooner when a waiting key becomes ready. */
  reloadAt: number;
}

/** How long a replica signs with the key it loaded before looking for a newer one. */
export const SIGNER_REFRESH_SECONDS = 60;
/**
 * A rotated-in key is published this long before it signs, so verifiers that fetched the JWKS
 * just before the rotation (and may not refetch for a few seconds) know it by the first token.
 */
export const KEY_PUBLISH_AHEAD_SECONDS = 30;

/**
 * Holds the token signing key: the configured one, or a key pair generated on first use and kept,
 * encrypted, in the database so every replica and restart signs with the same key. A rotated-in
 * key is published before it signs; the previous public key stays published until every token it
 * signed has expired.
 */
@Injectable()
export class SigningKeysService {
  private signer?: Promise<Signer>;

  constructor(
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
    private readonly keys: SigningKeyRepository,
    private readonly encryption: KeyEncryptionProvider,
    private readonly clock: Clock,
  ) {}

  async sign(claims: JWTPayload): Promise<string> {
    const { kid, privateKey } = await this.currentSigner();
    return new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: 'JWT' })
      .sign(privateKey);
  }

  /** Every key a live token of ours may be signed with, public members only. */
  async publicKeys(): Promise<JWK[]> {
    const configured = this.settings.signingKeyJwk;
    if (configured) return [(await signingKeyFrom(configured)).publicJwk];
    return (await this.storedKeys()).map((key) => key.publicJwk);
  }

  get isConfigured(): boolean {
    return !!this.settings.signingKeyJwk;
  }

  /** A new key pair, its private half sealed for storage. */
  async generate(): Promise<StoredSigningKey> {
    const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, {
      modulusLength: 2048,
      extractable: true,
    });
    const key = await signingKeyFrom(await exportJWK(privateKey));
    return {
      kid: key.kid,
      sealedPrivateJwk: this.encryption.get().encrypt(key.privateJwk, key.kid),
      publicJwk: key.publicJwk,
      createdAt: this.clock.now(),
      retiredAt: null,
    };
  }

  /** This replica signs with the newest key from its next token on. */
  forgetSigner(): void {
    this.signer = undefined;
  }

  private currentSigner(): Promise<Signer> {
    const now = this.clock.now().getTime();
    const stale = (signer: Signer) => now >= signer.reloadAt;
    this.signer = (this.signer ?? this.loadSigner()).then((signer) =>
      stale(signer) && !this.isConfigured ? this.loadSigner() : signer,
    );
    this.signer.catch(() => (this.signer = undefined));
    return this.signer;
  }

  private async loadSigner(): Promise<Signer> {
    const now = this.clock.now().getTime();
    const refresh = now + SIGNER_REFRESH_SECONDS * 1000;
    const configured = this.settings.signingKeyJwk;
    if (configured) {
      const key = await signingKeyFrom(configured);
      return {
        kid: key.kid,
        privateKey: await importJWK(key.privateJwk, SIGNING_ALGORITHM),
        reloadAt: refresh,
      };
    }
    const stored = await this.storedKeys();
    const key = await this.unsealed(this.readySigner(stored, now));
    const waiting = stored.find((candidate) => candidate.retiredAt === null && candidate.kid !== key.kid);
    const readyAt = waiting ? waiting.createdAt.getTime() + KEY_PUBLISH_AHEAD_SECONDS * 1000 : Infinity;
    return {
      kid: key.kid,
      privateKey: await importJWK(key.privateJwk, SIGNING_ALGORITHM),
      reloadAt: Math.min(refresh, readyAt),
    };
  }

  /** The newest key published long enough; until one is, its predecessor (or a fresh installation's only key). */
  private readySigner(keys: StoredSigningKey[], now: number): StoredSigningKey {
    const retiredFirst = (key: StoredSigningKey) => (key.retiredAt ? 0 : 1);
    const byAge = [...keys].sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || retiredFirst(a) - retiredFirst(b),
    );
    const ready = byAge.filter((key) => key.createdAt.getTime() <= now - KEY_PUBLISH_AHEAD_SECONDS * 1000);
    const predecessor = keys.find((key) => key.retiredAt !== null);
    return ready.at(-1) ?? predecessor ?? byAge[0];
  }

  private async unsealed(stored: StoredSigningKey): Promise<SigningKey> {
    const sealed = stored.sealedPrivateJwk;
    if (isEncryptedJwk(sealed))
      return {
        kid: stored.kid,
        privateJwk: this.encryption.get().decrypt(sealed, stored.kid),
        publicJwk: stored.publicJwk,
      };
    // Stored before encryption at rest: seal it now.
    await this.keys.reseal(stored.kid, this.encryption.get().encrypt(sealed, stored.kid));
    return { kid: stored.kid, privateJwk: sealed, publicJwk: stored.publicJwk };
  }

  /** The current key first; retired keys as long as a token they signed may still be alive. */
  private async storedKeys(): Promise<StoredSigningKey[]> {
    const cutoff = new Date(this.clock.now().getTime() - this.retiredKeyRetentionSeconds() * 1000);
    const published = await this.keys.findPublished(cutoff);
    if (published.some((key) => key.retiredAt === null)) return published;
    await this.keys.addIfNoneCurrent(await this.generate());
    return this.keys.findPublished(cutoff);
  }

  /** A retired key signs until its successor is ready and replicas refresh; its last token then lives a lifetime. */
  private retiredKeyRetentionSeconds(): number {
    return this.settings.tokenTtlSeconds + KEY_PUBLISH_AHEAD_SECONDS + SIGNER_REFRESH_SECONDS + 60;
  }
}
