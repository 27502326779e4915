import { Injectable } from '@nestjs/common';
import { isPartner, isSystem, Principal } from '@crm/auth';
import { Clock, ForbiddenError, IdGenerator, InvalidInputError, NotFoundError } from '@crm/core';
import { newWebhookSecret, WebhookTargetPolicy, WebhookTargetRefused } from '@crm/webhooks';
import { CreateSubscriptionDto } from './dto/create-subscription.dto';
import { Subscription } from './subscription';
import { checkedEventTypes, checkedFilters } from './subscription-input';
import { SubscriptionRepository } from './subscription.repository';
import { checkSystemEventTypes } from './system-subscriptions';

export type CreatedSubscription = Subscription & { secret: string };

/**
 * Who subscribes to what: a partner for itself, a system client (billing, erp; ADR 0054) for itself to platform
 * events, an admin for anyone; partners and system clients see only their own subscriptions.
 */
@Injectable()
export class SubscriptionService {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly targets: WebhookTargetPolicy,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(principal: Principal, input: CreateSubscriptionDto): Promise<CreatedSubscription> {
    const partnerId = partnerFor(principal, input.partnerId);
    const eventTypes = checkedEventTypes(input.eventTypes);
    if (isSystem(principal)) checkSystemEventTypes(principal, eventTypes);
    const filters = checkedFilters(input.filters, eventTypes);
    await this.checkTarget(input.url);
    const secret = newWebhookSecret();
    const subscription = await this.subscriptions.insert({
      subscriptionId: this.ids.next(),
      ownerId: partnerId ?? principal.subject,
      partnerId,
      url: input.url,
      eventTypes,
      filters,
      secret,
      createdBy: principal.subject,
      createdAt: this.clock.now(),
    });
    return { ...subscription, secret };
  }

  list(principal: Principal): Promise<Subscription[]> {
    if (isSystem(principal)) return this.subscriptions.list(null, principal.subject);
    return this.subscriptions.list(isPartner(principal) ? (principal.partnerId as string) : null);
  }

  /** The subscription if the caller may see it (the guard has checked a partner's); another's is as absent as a missing one. */
  async visible(principal: Principal, id: string): Promise<Subscription> {
    const subscription = await this.subscriptions.findById(id);
    if (!subscription || !mayTouch(principal, subscription)) throw new NotFoundError('subscription', id);
    return subscription;
  }

  async rotateSecret(principal: Principal, id: string): Promise<{ subscriptionId: string; secret: string }> {
    await this.visible(principal, id);
    const secret = newWebhookSecret();
    await this.subscriptions.setSecret(id, secret);
    return { subscriptionId: id, secret };
  }

  async delete(principal: Principal, id: string): Promise<void> {
    await this.visible(principal, id);
    await this.subscriptions.delete(id);
  }

  private async checkTarget(url: string): Promise<void> {
    try {
      await this.targets.check(url);
    } catch (error) {
      if (!(error instanceof WebhookTargetRefused)) throw error;
      throw new InvalidInputError([{ field: 'url', message: `the subscriber URL ${error.message}` }]);
    }
  }
}

/**
 * Whose records the subscription may carry: the caller's own as a partner (the guard has made sure the token names
 * it), any partner's or none as an admin (the only other role the route admits).
 */
function partnerFor(principal: Principal, requested: string | undefined): string | null {
  if (isSystem(principal)) {
    if (requested !== undefined)
      throw new ForbiddenError('a system client subscribes only for itself, to events that name no partner');
    return null;
  }
  if (!isPartner(principal)) return requested ?? null;
  if (requested !== undefined && requested !== principal.partnerId)
    throw new ForbiddenError(
      'a partner subscribes only for itself; only an admin subscribes for another partner',
    );
  return principal.partnerId as string;
}

/** A partner its own partner's subscriptions, a system client the ones it created, an admin any. */
function mayTouch(principal: Principal, subscription: Subscription): boolean {
  if (isSystem(principal))
    return subscription.ownerId === principal.subject && subscription.partnerId === null;
  return !isPartner(principal) || subscription.partnerId === principal.partnerId;
}
