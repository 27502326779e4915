import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError } from '@crm/core';
import { IdentityAuditActions, IdentityAuditLog } from '../audit/identity-audit-log';
import { SigningKeyRepository } from './signing-key.repository';
import { SigningKeysService } from './signing-keys.service';

/**
 * Replaces the signing key: the fresh key is published at once and signs after
 * KEY_PUBLISH_AHEAD_SECONDS (on every replica within SIGNER_REFRESH_SECONDS more), while the JWKS
 * keeps the previous public key until its tokens have expired.
 */
@Injectable()
export class SigningKeyRotationService {
  constructor(
    private readonly signingKeys: SigningKeysService,
    private readonly keys: SigningKeyRepository,
    private readonly audit: IdentityAuditLog,
    private readonly dataSource: DataSource,
  ) {}

  async rotate(): Promise<{ kid: string }> {
    if (this.signingKeys.isConfigured)
      throw new ConflictError('The signing key is configured (IDENTITY_SIGNING_KEY_JWK); rotate it there');
    const candidate = await this.signingKeys.generate();
    await this.dataSource.transaction(async (tx) => {
      await this.keys.rotate(tx, candidate, candidate.createdAt);
      await this.audit.record(tx, {
        action: IdentityAuditActions.signingKeyRotated,
        entityType: 'signing-key',
        entityId: candidate.kid,
      });
    });
    this.signingKeys.forgetSigner();
    return { kid: candidate.kid };
  }
}
