import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JWK } from 'jose';
import { SigningKey } from './signing-key';

interface SigningKeyRow {
  kid: string;
  private_jwk: JWK;
  public_jwk: JWK;
}

function toSigningKey(row: SigningKeyRow): SigningKey {
  return { kid: row.kid, privateJwk: row.private_jwk, publicJwk: row.public_jwk };
}

@Injectable()
export class SigningKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Oldest first: every replica signs with the first one, and publishes them all. */
  async findActive(): Promise<SigningKey[]> {
    const rows: SigningKeyRow[] = await this.dataSource.query(
      `SELECT kid, private_jwk, public_jwk FROM identity.signing_key WHERE active ORDER BY created_at, kid`,
    );
    return rows.map(toSigningKey);
  }

  /** Stores the candidate unless an active key exists; replicas starting together store only one. */
  async addIfNoneActive(candidate: SigningKey): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('identity.signing_key'))`);
      await tx.query(
        `INSERT INTO identity.signing_key (kid, private_jwk, public_jwk)
         SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM identity.signing_key WHERE active)`,
        [candidate.kid, JSON.stringify(candidate.privateJwk), JSON.stringify(candidate.publicJwk)],
      );
    });
  }
}
