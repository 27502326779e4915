import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { JWK } from 'jose';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/** A private key as stored: AES-256-GCM ciphertext of its JWK, never the JWK itself. */
export interface EncryptedJwk {
  enc: 'A256GCM';
  iv: string;
  tag: string;
  ciphertext: string;
}

export class KeyDecryptionError extends Error {}

export function isEncryptedJwk(value: unknown): value is EncryptedJwk {
  return typeof value === 'object' && value !== null && (value as EncryptedJwk).enc === 'A256GCM';
}

/** Seals signing keys with the key-encryption key; the key id is bound as associated data. */
export class KeyEncryption {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the key-encryption key must be 32 bytes');
  }

  encrypt(jwk: JWK, kid: string): EncryptedJwk {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv).setAAD(Buffer.from(kid));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(jwk), 'utf8'), cipher.final()]);
    return {
      enc: 'A256GCM',
      iv: iv.toString('base64url'),
      tag: cipher.getAuthTag().toString('base64url'),
      ciphertext: ciphertext.toString('base64url'),
    };
  }

  decrypt(sealed: EncryptedJwk, kid: string): JWK {
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(sealed.iv, 'base64url'))
        .setAAD(Buffer.from(kid))
        .setAuthTag(Buffer.from(sealed.tag, 'base64url'));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(sealed.ciphertext, 'base64url')),
        decipher.final(),
      ]);
      return JSON.parse(plain.toString('utf8')) as JWK;
    } catch {
      throw new KeyDecryptionError(
        `signing key ${kid} cannot be decrypted: IDENTITY_KEY_ENCRYPTION_KEY is not the key it was stored with`,
      );
    }
  }
}
