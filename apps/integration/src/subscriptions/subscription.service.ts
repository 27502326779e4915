import { Injectable } from '@nestjs/common';
import { isPartner, Principal } from '@crm/auth';
import { Clock, ForbiddenError, IdGenerator, InvalidInputError, NotFoundError } from '@crm/core';
import { newWebhookSecret, WebhookTargetPolicy, WebhookTargetRefused } from '@crm/webhooks';
import { CreateSubscriptionDto } from './dto/create-subscription.dto';
import { Subscription } from './subscription';
import { checkedEventTypes, checkedFilters } from './subscription-input';
import { SubscriptionRepository } from './subscription.repository';

export type CreatedSubscription = Subscription & { secret: string };

/** Who subscribes to what: a partner for itself, an admin for anyone; a partner sees only its own subscriptions. */
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
    return this.subscriptions.list(isPartner(principal) ? (principal.partnerId as string) : null);
  }

  /** The subscription if the caller may see it (the guard has checked a partner's); another's is as absent as a missing one. */
  async visible(principal: Principal, id: string): Promise<Subscription> {
    const subscription = await this.subscriptions.findById(id);
    if (!subscription || (isPartner(principal) && subscription.partnerId !== principal.partnerId))
      throw new NotFoundError('subscription', id);
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
  if (!isPartner(principal)) return requested ?? null;
  if (requested !== undefined && requested !== principal.partnerId)
    throw new ForbiddenError(
      'a partner subscribes only for itself; only an admin subscribes for another partner',
    );
  return principal.partnerId as string;
}
