import { Injectable } from '@nestjs/common';
import { JWK } from 'jose';
import { DataSource, EntityManager } from 'typeorm';
import { EncryptedJwk } from './key-encryption';

/** A key as stored: its private half sealed (or, from before encryption at rest, still plain). */
export interface StoredSigningKey {
  kid: string;
  sealedPrivateJwk: EncryptedJwk | JWK;
  publicJwk: JWK;
  createdAt: Date;
  /** Set once a newer key took over signing; it is still published until its tokens have expired. */
  retiredAt: Date | null;
}

interface SigningKeyRow {
  kid: string;
  private_jwk: EncryptedJwk | JWK;
  public_jwk: JWK;
  created_at: Date;
  retired_at: Date | null;
}

function toStored(row: SigningKeyRow): StoredSigningKey {
  return {
    kid: row.kid,
    sealedPrivateJwk: row.private_jwk,
    publicJwk: row.public_jwk,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  };
}

const LOCK = `SELECT pg_advisory_xact_lock(hashtext('identity.signing_key'))`;

@Injectable()
export class SigningKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The current key first, then keys retired after `retiredAfter`, newest first. */
  async findPublished(retiredAfter: Date): Promise<StoredSigningKey[]> {
    const rows: SigningKeyRow[] = await this.dataSource.query(
      `SELECT kid, private_jwk, public_jwk, created_at, retired_at FROM identity.signing_key
        WHERE active AND (retired_at IS NULL OR retired_at > $1)
        ORDER BY retired_at DESC NULLS FIRST, created_at DESC, kid`,
      [retiredAfter],
    );
    return rows.map(toStored);
  }

  /** Stores the candidate unless a current key exists; replicas starting together store only one. */
  async addIfNoneCurrent(candidate: StoredSigningKey): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(LOCK);
      await tx.query(
        `INSERT INTO identity.signing_key (kid, private_jwk, public_jwk, created_at)
         SELECT $1, $2, $3, $4 WHERE NOT EXISTS (
           SELECT 1 FROM identity.signing_key WHERE active AND retired_at IS NULL)`,
        [
          candidate.kid,
          JSON.stringify(candidate.sealedPrivateJwk),
          JSON.stringify(candidate.publicJwk),
          candidate.createdAt,
        ],
      );
    });
  }

  /** Retires every current key; the candidate, created `at`, signs once it has been published a while. */
  async rotate(tx: EntityManager, candidate: StoredSigningKey, at: Date): Promise<void> {
    await tx.query(LOCK);
    await tx.query(`UPDATE identity.signing_key SET retired_at = $1 WHERE active AND retired_at IS NULL`, [
      at,
    ]);
    await tx.query(
      `INSERT INTO identity.signing_key (kid, private_jwk, public_jwk, created_at) VALUES ($1, $2, $3, $4)`,
      [candidate.kid, JSON.stringify(candidate.sealedPrivateJwk), JSON.stringify(candidate.publicJwk), at],
    );
  }

  /** Replaces a private key stored in plain text (before encryption at rest) by its sealed form. */
  async reseal(kid: string, sealed: EncryptedJwk): Promise<void> {
    await this.dataSource.query(`UPDATE identity.signing_key SET private_jwk = $2 WHERE kid = $1`, [
      kid,
      JSON.stringify(sealed),
    ]);
  }
}
