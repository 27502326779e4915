import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CampaignUnsubscribed } from '@crm/contracts';
import { Clock, NotFoundError } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { UnsubscribeClaim, UnsubscribeTokens } from './unsubscribe-token';
import { UnsubscriptionRepository } from './unsubscription.repository';

/**
 * RFC 8058 one-click unsubscribe (and an SMS opt-out reply): the opt-out is recorded and the customer master told, which
 * withdraws the consent and publishes the change every replica (this one included) applies.
 */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly tokens: UnsubscribeTokens,
    private readonly unsubscriptions: UnsubscriptionRepository,
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  /** A forged, altered or unknown token is one and the same 404: nothing tells which part was wrong. */
  unsubscribe(token: string): Promise<void> {
    const claim = this.tokens.verify(token);
    return this.uow.run(async (tx) => {
      if (!claim || !(await this.unsubscriptions.wasRecipient(tx, claim)))
        throw new NotFoundError('Unsubscribe link', 'given');
      await this.optOut(tx, claim);
    });
  }

  /** Records the opt-out (once) and tells the customer master through the outbox, in the caller's transaction. */
  async optOut(tx: EntityManager, claim: UnsubscribeClaim): Promise<void> {
    const now = this.clock.now();
    if (!(await this.unsubscriptions.record(tx, claim, now))) return;
    await this.outbox.add(
      tx,
      this.events.create(CampaignUnsubscribed, claim.campaignId, {
        ...claim,
        unsubscribedAt: now.toISOString(),
      }),
    );
  }
}
