import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { QuotaSet } from '@crm/contracts';
import { EventFactory, Outbox } from '@crm/messaging';
import { Quota, toQuotaSet } from './quota';
import { QuotaRepository } from './quota.repository';

/** A quota and its quota.set event, written in the caller's transaction. */
@Injectable()
export class QuotaJournal {
  constructor(
    private readonly quotas: QuotaRepository,
    private readonly events: EventFactory,
    private readonly outbox: Outbox,
  ) {}

  /** A changed quota keeps the id it was first set with: one aggregate, one ordered stream. */
  async set(tx: EntityManager, quota: Quota): Promise<Quota> {
    const saved = { ...quota, id: await this.quotas.upsert(tx, quota) };
    await this.outbox.add(tx, this.events.create(QuotaSet, saved.id, toQuotaSet(saved)));
    return saved;
  }
}
