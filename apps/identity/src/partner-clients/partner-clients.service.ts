import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator } from '@crm/core';
import { Page } from '@crm/http';
import { SecretHasher } from '../credentials/secret-hasher';
import { partnerRoleOf } from '../users/partner-binding';
import { ApiClientAdministration, Issued } from './api-client-administration';
import { NewPartnerClient, PartnerClient } from './partner-client';
import { PartnerClientRepository } from './partner-client.repository';

export type IssuedPartnerClient = Issued<PartnerClient>;

/** API clients acting for a dealer or repair station: their tokens carry its partner id and kind. */
@Injectable()
export class PartnerClientsService {
  constructor(
    private readonly clients: PartnerClientRepository,
    private readonly administration: ApiClientAdministration,
    private readonly hasher: SecretHasher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  create(input: NewPartnerClient): Promise<IssuedPartnerClient> {
    return this.administration.register(this.newClient(input));
  }

  /** Creates the client with this secret unless the client id exists; an existing client is left as it is. */
  async ensureClient(input: NewPartnerClient & { clientId: string; secret: string }): Promise<PartnerClient> {
    const existing = await this.clients.findById(input.clientId);
    if (existing) return existing.client as PartnerClient;
    const client = this.newClient(input);
    if (await this.clients.insert(client, await this.hasher.hash(input.secret))) return client;
    // Another caller created it between the lookup and the insert.
    return (await this.clients.findById(input.clientId))!.client as PartnerClient;
  }

  async list(limit: number, offset: number): Promise<Page<PartnerClient>> {
    return { items: (await this.clients.list('partner', limit, offset)) as PartnerClient[], limit, offset };
  }

  async setActive(clientId: string, active: boolean): Promise<PartnerClient> {
    return (await this.administration.setActive('partner', clientId, active)) as PartnerClient;
  }

  rotateSecret(clientId: string): Promise<{ clientId: string; clientSecret: string }> {
    return this.administration.rotateSecret('partner', clientId);
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
