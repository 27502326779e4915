import { LIVE_TABLES } from '../../projections/projection-tables';
import { CUSTOMER_DIMENSIONS, CUSTOMER_FILTERS, customerFilter, customerKey } from '../customer-dimensions';
import { SevenPReport, SevenPsGrouping } from '../seven-p-report';

const CAMPAIGNS = `(SELECT * FROM ${LIVE_TABLES.campaignFact}
  WHERE coalesce(sent_at, send_at) >= :from::timestamptz AND coalesce(sent_at, send_at) < :to::timestamptz)`;

/** Per campaign: its send totals and the responses the events show (leads naming it, unsubscribes). */
const BY_CAMPAIGN = `
  WITH campaign AS ${CAMPAIGNS},
  lead AS (SELECT campaign_id, count(*) AS leads, count(converted_at) AS converted FROM ${LIVE_TABLES.leadFact}
    WHERE campaign_id IN (SELECT campaign_id FROM campaign) GROUP BY campaign_id),
  unsubscribe AS (SELECT campaign_id, count(*) AS unsubscribed FROM ${LIVE_TABLES.campaignUnsubscribe}
    WHERE campaign_id IN (SELECT campaign_id FROM campaign) GROUP BY campaign_id)
  SELECT c.campaign_id AS "campaignId", c.name, c.channel, coalesce(c.sent_at, c.send_at) AS "sentAt", c.sent,
    c.failed, c.skipped, coalesce(l.leads, 0)::int AS leads, coalesce(l.converted, 0)::int AS "convertedLeads",
    coalesce(l.leads, 0)::float8 / NULLIF(c.sent, 0) AS "leadRate", coalesce(u.unsubscribed, 0)::int AS unsubscribed,
    coalesce(u.unsubscribed, 0)::float8 / NULLIF(c.sent, 0) AS "unsubscribeRate"
  FROM campaign c LEFT JOIN lead l USING (campaign_id) LEFT JOIN unsubscribe u USING (campaign_id)`;

/** Per campaign and the responders' segment: who responded (the sends per segment are not known). */
const bySegment = (by: SevenPsGrouping) => `
  WITH campaign AS ${CAMPAIGNS},
  response AS (
    SELECT campaign_id, customer_id, true AS lead, converted_at IS NOT NULL AS converted FROM ${LIVE_TABLES.leadFact}
    WHERE campaign_id IN (SELECT campaign_id FROM campaign)
    UNION ALL
    SELECT campaign_id, customer_id, false, false FROM ${LIVE_TABLES.campaignUnsubscribe}
    WHERE campaign_id IN (SELECT campaign_id FROM campaign))
  SELECT r.campaign_id AS "campaignId", ${customerKey('c', by)}, count(*) FILTER (WHERE r.lead)::int AS leads,
    count(*) FILTER (WHERE r.converted)::int AS "convertedLeads",
    count(*) FILTER (WHERE NOT r.lead)::int AS unsubscribed
  FROM response r LEFT JOIN ${CUSTOMER_DIMENSIONS} c ON c.customer_id = r.customer_id
  WHERE ${customerFilter('c')}
  GROUP BY 1, 2`;

/** Campaign response by what the events carry. */
export const PROMOTION: SevenPReport = {
  p: 'promotion',
  basis:
    'campaigns sent (or, not yet sent, scheduled) in [from, to); sent, failed, skipped: the campaign.sent ' +
    'totals; responses: leads captured naming the campaign (converted: became an opportunity) and ' +
    'unsubscribes; by tier, age band or region: the responders’ (last recompute, age at `to`, province)',
  missing: [
    'per-recipient events (sent, held out, opened, clicked, replied, converted): campaigns publishes only ' +
      'per-campaign totals, so response rates by segment, opens and clicks and the lift over the holdout ' +
      'cannot be computed from events; GET /campaigns/{id}/results in campaigns has them per campaign',
  ],
  groupings: ['campaign', 'tier', 'ageBand', 'region'],
  filters: (by) => (by === 'campaign' ? [] : CUSTOMER_FILTERS),
  windowed: true,
  keys: (by) => (by === 'campaign' ? 1 : 2),
  sql: (by: SevenPsGrouping) => (by === 'campaign' ? BY_CAMPAIGN : bySegment(by)),
  newestEvent: [
    `${LIVE_TABLES.campaignFact}.event_at`,
    `${LIVE_TABLES.leadFact}.event_at`,
    `${LIVE_TABLES.campaignUnsubscribe}.event_at`,
  ],
};
