import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator } from '@crm/core';
import { Page } from '@crm/http';
import { ApiClientAdministration, Issued } from '../partner-clients/api-client-administration';
import { PartnerClientRepository } from '../partner-clients/partner-client.repository';
import { NewSystemClient, SystemClient } from './system-client';

/** System clients (ADR 0054): tokens with their one system role and no partner claim. */
@Injectable()
export class SystemClientsService {
  constructor(
    private readonly clients: PartnerClientRepository,
    private readonly administration: ApiClientAdministration,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  create(input: NewSystemClient): Promise<Issued<SystemClient>> {
    return this.administration.register<SystemClient>({
      clientId: input.clientId ?? this.ids.next(),
      partnerId: null,
      partnerKind: null,
      name: input.name,
      roles: [input.role],
      active: true,
      createdAt: this.clock.now().toISOString(),
    });
  }

  async list(limit: number, offset: number): Promise<Page<SystemClient>> {
    return { items: (await this.clients.list('system', limit, offset)) as SystemClient[], limit, offset };
  }

  async setActive(clientId: string, active: boolean): Promise<SystemClient> {
    return (await this.administration.setActive('system', clientId, active)) as SystemClient;
  }

  rotateSecret(clientId: string): Promise<{ clientId: string; clientSecret: string }> {
    return this.administration.rotateSecret('system', clientId);
  }
}
