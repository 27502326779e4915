import { EventEnvelope } from '@crm/contracts';
import { SUBSCRIBABLE_EVENTS } from './subscribable-events';

export type SubscriptionStatus = 'active' | 'paused';

/** A filter: payload field -> the values it may have (one value is a list of one). */
export type SubscriptionFilters = Record<string, string[]>;

export interface Subscription {
  subscriptionId: string;
  /** The partner id for a partner's subscription, else the API client's subject. */
  ownerId: string;
  /** Set for a partner's subscription: it receives only events about this partner's records. */
  partnerId: string | null;
  url: string;
  eventTypes: string[];
  filters: SubscriptionFilters;
  status: SubscriptionStatus;
  consecutiveFailures: number;
  failingSince: string | null;
  pausedAt: string | null;
  pauseReason: string | null;
  createdBy: string;
  createdAt: string;
}

/** What a subscription needs to decide whether an event is for it. */
export type SubscriptionScope = Pick<Subscription, 'partnerId' | 'eventTypes' | 'filters'>;

/**
 * True when the subscriber may see the event and asked for it: its type is subscribed, a partner's subscription
 * gets it only when the event's partner field names that partner, and every filter's field has one of its values.
 */
export function wantsEvent(subscription: SubscriptionScope, event: EventEnvelope): boolean {
  if (!subscription.eventTypes.includes(event.type)) return false;
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  if (subscription.partnerId !== null) {
    const field = SUBSCRIBABLE_EVENTS.get(event.type)?.partnerField;
    if (!field || payload[field] !== subscription.partnerId) return false;
  }
  return Object.entries(subscription.filters).every(([field, values]) => {
    const value = payload[field];
    return ['string', 'number', 'boolean'].includes(typeof value) && values.includes(String(value));
  });
}

/** The body a subscriber receives: the event as published, without the internal actor and trace ids. */
export function webhookBody(event: EventEnvelope): string {
  const { id, type, version, occurredAt, producer, aggregateType, aggregateId, payload } = event;
  return JSON.stringify({ id, type, version, occurredAt, producer, aggregateType, aggregateId, payload });
}
