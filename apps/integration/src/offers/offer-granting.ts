import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OfferExpired, OfferGranted, OfferState, OfferWithdrawn, PayloadOf } from '@crm/contracts';
import { Clock, IdGenerator } from '@crm/core';
import { EventFactory, Outbox } from '@crm/messaging';
import { Offer, stateOf } from './offer';
import { OfferGrantRepository } from './offer-grant.repository';
import { OfferRule, reasonOf } from './offer-rule';
import { OfferRuleRepository } from './offer-rule.repository';

const DAY_MS = 86_400_000;
/** Grants written per transaction by a scheduled evaluation. */
export const GRANT_BATCH = 500;

/**
 * Grants offers where rules match and ends them, each change with its event in the outbox in one transaction. The
 * partial unique index makes a second grant of a rule to a customer while one is active a no-op, whoever tries.
 */
@Injectable()
export class OfferGranting {
  constructor(
    private readonly rules: OfferRuleRepository,
    private readonly grants: OfferGrantRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Every enabled rule against one customer whose inputs just changed; resolves with how many were granted. */
  async evaluateCustomer(tx: EntityManager, customerId: string): Promise<number> {
    let granted = 0;
    const now = this.clock.now();
    for (const rule of await this.rules.enabled(tx))
      for (const candidate of await this.grants.candidates(tx, rule, now, 1, customerId))
        if (await this.grant(tx, rule, candidate, now)) granted++;
    return granted;
  }

  /** One batch of one rule over all customers; the scheduler calls it until it grants nothing. */
  async evaluateBatch(tx: EntityManager, rule: OfferRule): Promise<number> {
    const now = this.clock.now();
    let granted = 0;
    for (const customerId of await this.grants.candidates(tx, rule, now, GRANT_BATCH))
      if (await this.grant(tx, rule, customerId, now)) granted++;
    return granted;
  }

  /** One batch of offers past their validity, ended with `offer.expired`. */
  async expireBatch(tx: EntityManager): Promise<number> {
    const ended = await this.grants.endDue(tx, this.clock.now(), GRANT_BATCH);
    await this.publishEnded(tx, ended, 'validity-ended');
    return ended.length;
  }

  /** A merged-away customer's active offers end; the survivor is evaluated on its own inputs. */
  async endForMergedCustomer(tx: EntityManager, mergedId: string): Promise<void> {
    await this.publishEnded(
      tx,
      await this.grants.endForCustomer(tx, mergedId, this.clock.now()),
      'customer-merged',
    );
  }

  /** The rule's granted, not yet applied offers withdrawn with `offer.withdrawn` (ADR 0054); applied ones stay. */
  async withdrawForRule(
    tx: EntityManager,
    ruleId: string,
    why: PayloadOf<typeof OfferWithdrawn>['why'],
  ): Promise<number> {
    const now = this.clock.now();
    const withdrawn = await this.grants.withdrawForRule(tx, ruleId, now);
    for (const offer of withdrawn)
      await this.outbox.add(
        tx,
        this.events.create(OfferWithdrawn, offer.offerId, {
          ...stateOf(offer),
          withdrawnAt: now.toISOString(),
          why,
        }),
      );
    return withdrawn.length;
  }

  private async grant(tx: EntityManager, rule: OfferRule, customerId: string, now: Date): Promise<boolean> {
    const offer: OfferState = {
      offerId: this.ids.next(),
      ruleId: rule.ruleId,
      customerId,
      title: rule.title,
      kind: rule.kind,
      value: rule.value,
      currency: rule.currency,
      appliesTo: rule.appliesTo,
      reason: reasonOf(rule),
      grantedAt: now.toISOString(),
      validUntil: new Date(now.getTime() + rule.validityDays * DAY_MS).toISOString(),
    };
    if (!(await this.grants.grantOnce(tx, offer))) return false;
    await this.outbox.add(tx, this.events.create(OfferGranted, offer.offerId, offer));
    return true;
  }

  private async publishEnded(tx: EntityManager, ended: Offer[], why: 'validity-ended' | 'customer-merged') {
    const expiredAt = this.clock.now().toISOString();
    for (const offer of ended)
      await this.outbox.add(
        tx,
        this.events.create(OfferExpired, offer.offerId, { ...stateOf(offer), expiredAt, why }),
      );
  }
}
