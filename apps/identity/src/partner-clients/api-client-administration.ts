import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError } from '@crm/core';
import { IdentityAuditAction, IdentityAuditActions, IdentityAuditLog } from '../audit/identity-audit-log';
import { SecretHasher } from '../credentials/secret-hasher';
import { ApiClient, ApiClientKind } from './partner-client';
import { PartnerClientRepository } from './partner-client.repository';

/** A client with its secret, shown once (at creation or rotation); only the hash is kept. */
export type Issued<T> = T & { clientSecret: string };

const AUDIT: Record<
  ApiClientKind,
  {
    entityType: 'partner-client' | 'system-client';
    disabled: IdentityAuditAction;
    enabled: IdentityAuditAction;
    rotated: IdentityAuditAction;
  }
> = {
  partner: {
    entityType: 'partner-client',
    disabled: IdentityAuditActions.clientDisabled,
    enabled: IdentityAuditActions.clientEnabled,
    rotated: IdentityAuditActions.clientSecretRotated,
  },
  system: {
    entityType: 'system-client',
    disabled: IdentityAuditActions.systemClientDisabled,
    enabled: IdentityAuditActions.systemClientEnabled,
    rotated: IdentityAuditActions.systemClientSecretRotated,
  },
};

/**
 * What partner and system clients share (ADR 0054): registration with a secret shown once, disabling, rotation,
 * each audited, and the client credentials check.
 */
@Injectable()
export class ApiClientAdministration {
  constructor(
    private readonly clients: PartnerClientRepository,
    private readonly hasher: SecretHasher,
    private readonly audit: IdentityAuditLog,
    private readonly dataSource: DataSource,
  ) {}

  /** Stores the client with a new secret and answers it once; a taken client id is a 409 naming `clientId`. */
  async register<T extends ApiClient>(client: T): Promise<Issued<T>> {
    const clientSecret = newClientSecret();
    if (!(await this.clients.insert(client, await this.hasher.hash(clientSecret))))
      throw new ConflictError(`The client id ${client.clientId} is taken`, { field: 'clientId' });
    return { ...client, clientSecret };
  }

  /** The active client these credentials belong to, or null; unknown ids take as long as wrong secrets. */
  async authenticate(clientId: string, secret: string): Promise<ApiClient | null> {
    const found = await this.clients.findById(clientId);
    const matches = await this.hasher.matches(secret, found?.secretHash ?? null);
    return matches && found!.client.active ? found!.client : null;
  }

  /** A disabled client gets no new token; issued ones expire within IDENTITY_TOKEN_TTL_SECONDS. */
  setActive(kind: ApiClientKind, clientId: string, active: boolean): Promise<ApiClient> {
    return this.dataSource.transaction(async (tx) => {
      const client = await this.clients.setActive(tx, kind, clientId, active);
      if (!client) throw new NotFoundError(AUDIT[kind].entityType, clientId);
      const action = active ? AUDIT[kind].enabled : AUDIT[kind].disabled;
      await this.audit.record(tx, { action, entityType: AUDIT[kind].entityType, entityId: clientId });
      return client;
    });
  }

  /** Replaces the client's secret with a new one, answered once; the old secret stops working at once. */
  async rotateSecret(
    kind: ApiClientKind,
    clientId: string,
  ): Promise<{ clientId: string; clientSecret: string }> {
    const clientSecret = newClientSecret();
    const secretHash = await this.hasher.hash(clientSecret);
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.clients.setSecretHash(tx, kind, clientId, secretHash)))
        throw new NotFoundError(AUDIT[kind].entityType, clientId);
      await this.audit.record(tx, {
        action: AUDIT[kind].rotated,
        entityType: AUDIT[kind].entityType,
        entityId: clientId,
      });
    });
    return { clientId, clientSecret };
  }
}

function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}
