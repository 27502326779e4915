import { randomUUID } from 'node:crypto';
import {
  CampaignRecipientSettled,
  CampaignScheduled,
  CampaignSent,
  CampaignUnsubscribed,
  CustomerMerged,
  CustomerState,
  EventEnvelope,
  LeadCaptured,
  LeadConverted,
  LeadSource,
  PayloadOf,
} from '@crm/contracts';
import { AnalyticsHarness } from './analytics.harness';
import { daysAgo } from './customer-value.fixture';

export interface LeadStory {
  leadId: string;
  source: LeadSource;
  customerId: string | null;
  campaignId: string | null;
}

export function captureLead(harness: AnalyticsHarness, lead: LeadStory, capturedDaysAgo: number) {
  const capturedAt = daysAgo(capturedDaysAgo);
  return harness.publish(
    LeadCaptured,
    lead.leadId,
    {
      leadId: lead.leadId,
      source: lead.source,
      status: 'new',
      name: 'Li Lei',
      phone: null,
      email: null,
      customerId: lead.customerId,
      ownerId: null,
      partnerId: null,
      score: 50,
      interest: { model: null, budget: null, timeframe: null },
      campaignId: lead.campaignId,
      capturedAt,
    },
    capturedAt,
  );
}

export function convertLead(harness: AnalyticsHarness, lead: LeadStory, convertedDaysAgo: number) {
  const convertedAt = daysAgo(convertedDaysAgo);
  return harness.publish(
    LeadConverted,
    lead.leadId,
    {
      leadId: lead.leadId,
      opportunityId: randomUUID(),
      customerId: lead.customerId,
      ownerId: 'rep-1',
      partnerId: null,
      source: lead.source,
      convertedAt,
    },
    convertedAt,
  );
}

export async function sendCampaign(
  harness: AnalyticsHarness,
  campaignId: string,
  name: string,
  sentDaysAgo: number,
  recipients: { sent: number; failed: number; skipped: Record<string, number> } | null,
): Promise<EventEnvelope[]> {
  const at = daysAgo(sentDaysAgo);
  const scheduled = await harness.publish(
    CampaignScheduled,
    campaignId,
    { campaignId, name, channel: 'email', segmentId: randomUUID(), sendAt: at, scheduledBy: 'marketer-1' },
    at,
  );
  if (!recipients) return [scheduled];
  const sent = await harness.publish(
    CampaignSent,
    campaignId,
    {
      campaignId,
      channel: 'email',
      sentAt: at,
      recipients: {
        ...recipients,
        skipped: { no_consent: 0, no_address: 0, erased: 0, frequency_cap: 0, ...recipients.skipped },
      },
    },
    at,
  );
  return [scheduled, sent];
}

export function unsubscribe(harness: AnalyticsHarness, campaignId: string, customerId: string) {
  return harness.publish(CampaignUnsubscribed, campaignId, {
    campaignId,
    customerId,
    channel: 'email',
    unsubscribedAt: new Date().toISOString(),
  });
}

export function mergeCustomers(harness: AnalyticsHarness, survivor: CustomerState, mergedId: string) {
  return harness.publish(CustomerMerged, survivor.customerId, {
    survivorId: survivor.customerId,
    mergedId,
    movedVehicleIds: [],
    survivor,
  });
}

export type RecipientOutcome = Partial<PayloadOf<typeof CampaignRecipientSettled>>;

/** A recipient of step 1 of an email campaign settled five days ago: treated and inert unless `outcome` says. */
export function settleRecipient(
  harness: AnalyticsHarness,
  campaignId: string,
  customerId: string,
  outcome: RecipientOutcome = {},
) {
  const settledAt = daysAgo(5);
  const group = outcome.group ?? 'treated';
  return harness.publish(
    CampaignRecipientSettled,
    campaignId,
    {
      campaignId,
      step: 1,
      channel: 'email',
      customerId,
      group,
      delivered: group === 'treated',
      opened: false,
      clicked: false,
      responded: false,
      converted: false,
      conversionKind: outcome.converted ? 'order' : null,
      conversionAmount: null,
      windowClosedAt: settledAt,
      settledAt,
      ...outcome,
    },
    settledAt,
  );
}
