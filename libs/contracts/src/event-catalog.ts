import {
  CustomerErased,
  CustomerMerged,
  CustomerRegistered,
  CustomerUpdated,
} from './customer/customer.events';
import { EventDefinition } from './event-definition';
import { PartnerRegistered, PartnerUpdated } from './partner/partner.events';
import { VehicleOwnershipChanged, VehicleRegistered } from './vehicle/vehicle.events';
import { ComplaintRecorded, InteractionRecorded } from './call-center/interaction.events';
import { RepairRecorded, TICKET_EVENTS } from './service/ticket.events';
import { ActivityLogged } from './sales/activity.events';
import { LEAD_EVENTS } from './sales/lead.events';
import { SalesUserPlaced } from './sales/sales-user.events';
import { OPPORTUNITY_EVENTS } from './sales/opportunity.events';
import { SALES_COLLABORATION_EVENTS } from './sales/sales-collaboration.events';
import { QuotaSet } from './sales/quota.events';
import { ForecastAdjusted } from './sales/forecast.events';
import { ORDER_EVENTS } from './sales/order.events';
import { QUOTE_EVENTS } from './sales/quote.events';
import { CAMPAIGN_EVENTS } from './campaign/campaign.events';
import { NextBestOfferChanged } from './campaign/next-best-offer.events';
import { QualityAlertRaised } from './quality/quality-alert.events';
import { CustomerValueTierChanged } from './customer-value/customer-value.events';
import { SubscriptionPaused } from './integration/subscription.events';
import { OFFER_EVENTS } from './integration/offer.events';
import { WORKFLOW_COMMAND_EVENTS } from './integration/workflow-command.events';
import { BrowsingProfileChanged } from './web/browsing-profile.events';
import { DMS_RECORD_EVENTS } from './integration/dms-record.events';

/** Every event type the platform publishes, keyed by `type@version`. */
export const EVENT_CATALOG: readonly EventDefinition[] = [
  CustomerRegistered,
  CustomerUpdated,
  CustomerMerged,
  CustomerErased,
  VehicleRegistered,
  VehicleOwnershipChanged,
  PartnerRegistered,
  PartnerUpdated,
  ...TICKET_EVENTS,
  RepairRecorded,
  InteractionRecorded,
  ComplaintRecorded,
  ...LEAD_EVENTS,
  ...OPPORTUNITY_EVENTS,
  ActivityLogged,
  ...SALES_COLLABORATION_EVENTS,
  QuotaSet,
  ForecastAdjusted,
  SalesUserPlaced,
  ...QUOTE_EVENTS,
  ...ORDER_EVENTS,
  ...CAMPAIGN_EVENTS,
  NextBestOfferChanged,
  QualityAlertRaised,
  CustomerValueTierChanged,
  SubscriptionPaused,
  ...OFFER_EVENTS,
  ...WORKFLOW_COMMAND_EVENTS,
  BrowsingProfileChanged,
  ...DMS_RECORD_EVENTS,
];

const byKey = new Map(
  EVENT_CATALOG.map((definition) => [catalogKey(definition.type, definition.version), definition]),
);

function catalogKey(type: string, version: number): string {
  return `${type}@${version}`;
}

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return byKey.get(catalogKey(type, version));
}
