import {
  CampaignRecipientSettled,
  CampaignScheduled,
  CampaignSent,
  CampaignUnsubscribed,
  CustomerErased,
  CustomerMerged,
  LeadCaptured,
  LeadConverted,
  OrderPlaced,
} from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { CampaignRecipientStore } from './campaign-recipient-store';
import { SevenPsStore } from './seven-ps-store';
import { SEVEN_PS_CONSUMERS } from './seven-ps-tables';

type Consumer = (name: keyof typeof SEVEN_PS_CONSUMERS) => string;

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);

/** Hands order lines, leads, campaigns and the customers they name to the store; live and rebuild share it. */
export function registerSevenPsHandlers(
  subscriber: EventSubscriber,
  stores: { sevenPs: SevenPsStore; campaignRecipients: CampaignRecipientStore },
  consumer: Consumer,
): void {
  const store = stores.sevenPs;
  subscriber.onBatch(consumer('orderLines'), OrderPlaced, (events, tx) =>
    store.addOrderLines(
      tx,
      events.map(({ id, payload, occurredAt }) => ({
        orderId: payload.orderId,
        lines: payload.items.map((item) => ({
          model: item.modelName,
          quantity: item.quantity,
          lineTotal: item.lineTotal,
        })),
        eventAt: occurredAt,
        eventId: id,
      })),
    ),
  );
  registerLeadHandlers(subscriber, store, consumer('leadFacts'));
  registerCampaignHandlers(subscriber, store, consumer('campaignFacts'));
  registerRecipientHandlers(subscriber, stores.campaignRecipients, consumer('campaignRecipients'));
}

function registerRecipientHandlers(
  subscriber: EventSubscriber,
  store: CampaignRecipientStore,
  consumer: string,
): void {
  subscriber.onBatch(consumer, CampaignRecipientSettled, (events, tx) => store.addSettlements(tx, events));
  subscriber.on(consumer, CustomerErased, ({ payload }, tx) => store.erase(tx, payload.customerId));
  subscriber.on(consumer, CustomerMerged, ({ payload }, tx) =>
    store.merge(tx, payload.mergedId, payload.survivorId),
  );
}

function registerLeadHandlers(subscriber: EventSubscriber, store: SevenPsStore, consumer: string): void {
  subscriber.on(consumer, LeadCaptured, ({ payload, occurredAt }, tx) =>
    store.applyLead(tx, {
      ...payload,
      capturedAt: payload.capturedAt,
      convertedAt: null,
      eventAt: occurredAt,
    }),
  );
  subscriber.on(consumer, LeadConverted, ({ payload, occurredAt }, tx) =>
    store.applyLead(tx, { ...payload, campaignId: null, capturedAt: null, eventAt: occurredAt }),
  );
  // Leads name customers: the person's erasure and merges reach them (the value consumer keeps its own).
  subscriber.on(consumer, CustomerErased, ({ payload }, tx) => store.erase(tx, payload.customerId));
  subscriber.on(consumer, CustomerMerged, ({ payload }, tx) =>
    store.merge(tx, payload.mergedId, payload.survivorId),
  );
}

function registerCampaignHandlers(subscriber: EventSubscriber, store: SevenPsStore, consumer: string): void {
  subscriber.on(consumer, CampaignScheduled, ({ payload, occurredAt }, tx) =>
    store.applyCampaign(tx, {
      campaignId: payload.campaignId,
      name: payload.name,
      channel: payload.channel,
      sendAt: payload.sendAt,
      sentAt: null,
      recipients: null,
      eventAt: occurredAt,
    }),
  );
  subscriber.on(consumer, CampaignSent, ({ payload, occurredAt }, tx) =>
    store.applyCampaign(tx, {
      campaignId: payload.campaignId,
      name: null,
      channel: payload.channel,
      sendAt: null,
      sentAt: payload.sentAt,
      recipients: { ...payload.recipients, skipped: sum(payload.recipients.skipped) },
      eventAt: occurredAt,
    }),
  );
  subscriber.on(consumer, CampaignUnsubscribed, ({ id, payload, occurredAt }, tx) =>
    store.addUnsubscribe(tx, { eventId: id, ...payload, eventAt: occurredAt }),
  );
}
