import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock, ConflictError, IdGenerator, NotFoundError } from '@crm/core';
import { IdentityAuditActions, IdentityAuditLog } from '../audit/identity-audit-log';
import { Page } from '@crm/http';
import { SecretHasher } from '../credentials/secret-hasher';
import { partnerRoleOf } from '../users/partner-binding';
import { NewPartnerClient, PartnerClient } from './partner-client';
import { PartnerClientRepository } from './partner-client.repository';

export interface IssuedPartnerClient extends PartnerClient {
  /** Shown once, at creation; only its hash is kept. */
  clientSecret: string;
}

@Injectable()
export class PartnerClientsService {
  constructor(
    private readonly clients: PartnerClientRepository,
    private readonly hasher: SecretHasher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly audit: IdentityAuditLog,
    private readonly dataSource: DataSource,
  ) {}

  async create(input: NewPartnerClient): Promise<IssuedPartnerClient> {
    const client = this.newClient(input);
    const clientSecret = newClientSecret();
    const inserted = await this.clients.insert(client, await this.hasher.hash(clientSecret));
    if (!inserted)
      throw new ConflictError(`The client id ${client.clientId} is taken`, { field: 'clientId' });
    return { ...client, clientSecret };
  }

  /** Creates the client with this secret unless the client id exists; an existing client is left as it is. */
  async ensureClient(input: NewPartnerClient & { clientId: string; secret: string }): Promise<PartnerClient> {
    const existing = await this.clients.findById(input.clientId);
    if (existing) return existing.client;
    const client = this.newClient(input);
    if (await this.clients.insert(client, await this.hasher.hash(input.secret))) return client;
    // Another caller created it between the lookup and the insert.
    return (await this.clients.findById(input.clientId))!.client;
  }

  async list(limit: number, offset: number): Promise<Page<PartnerClient>> {
    return { items: await this.clients.list(limit, offset), limit, offset };
  }

  /** The active client these credentials belong to, or null; unknown ids take as long as wrong secrets. */
  async authenticate(clientId: string, secret: string): Promise<PartnerClient | null> {
    const found = await this.clients.findById(clientId);
    const matches = await this.hasher.matches(secret, found?.secretHash ?? null);
    return matches && found!.client.active ? found!.client : null;
  }

  /** A disabled client gets no new token; issued ones expire within IDENTITY_TOKEN_TTL_SECONDS. */
  setActive(clientId: string, active: boolean): Promise<PartnerClient> {
    return this.dataSource.transaction(async (tx) => {
      const client = await this.clients.setActive(tx, clientId, active);
      if (!client) throw new NotFoundError('partner client', clientId);
      const action = active ? IdentityAuditActions.clientEnabled : IdentityAuditActions.clientDisabled;
      await this.audit.record(tx, { action, entityType: 'partner-client', entityId: clientId });
      return client;
    });
  }

  /** Replaces the client's secret with a new one, answered once; the old secret stops working at once. */
  async rotateSecret(clientId: string): Promise<{ clientId: string; clientSecret: string }> {
    const clientSecret = newClientSecret();
    const secretHash = await this.hasher.hash(clientSecret);
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.clients.setSecretHash(tx, clientId, secretHash)))
        throw new NotFoundError('partner client', clientId);
      await this.audit.record(tx, {
        action: IdentityAuditActions.clientSecretRotated,
        entityType: 'partner-client',
        entityId: clientId,
      });
    });
    return { clientId, clientSecret };
  }

  private newClient(input: NewPartnerClient): PartnerClient {
    return {
      clientId: input.clientId ?? this.ids.next(),
      partnerId: input.partnerId,
      partnerKind: input.partnerKind,
      name: input.name,
      roles: [partnerRoleOf(input.partnerKind)],
      active: true,
      createdAt: this.clock.now().toISOString(),
    };
  }
}

function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}
