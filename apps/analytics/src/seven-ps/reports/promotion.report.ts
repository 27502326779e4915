import { LIVE_TABLES } from '../../projections/projection-tables';
import { CUSTOMER_DIMENSIONS, CUSTOMER_FILTERS, customerFilter, customerKey } from '../customer-dimensions';
import { SevenPReport, SevenPsGrouping } from '../seven-p-report';
import { SETTLED_FIGURES, withLift } from './promotion-lift';

const CAMPAIGNS = `(SELECT * FROM ${LIVE_TABLES.campaignFact}
  WHERE coalesce(sent_at, send_at) >= :from::timestamptz AND coalesce(sent_at, send_at) < :to::timestamptz)`;

const SETTLED = `settled AS (SELECT * FROM ${LIVE_TABLES.campaignRecipientFact}
  WHERE campaign_id IN (SELECT campaign_id FROM campaign))`;

/** Per campaign: its send totals, the responses the events show (leads naming it, unsubscribes) and its settled recipients. */
const BY_CAMPAIGN = `
  WITH campaign AS ${CAMPAIGNS}, ${SETTLED},
  lead AS (SELECT campaign_id, count(*) AS leads, count(converted_at) AS converted FROM ${LIVE_TABLES.leadFact}
    WHERE campaign_id IN (SELECT campaign_id FROM campaign) GROUP BY campaign_id),
  unsubscribe AS (SELECT campaign_id, count(*) AS unsubscribed FROM ${LIVE_TABLES.campaignUnsubscribe}
    WHERE campaign_id IN (SELECT campaign_id FROM campaign) GROUP BY campaign_id),
  outcome AS (SELECT f.campaign_id, ${SETTLED_FIGURES} FROM settled f GROUP BY f.campaign_id)
  SELECT c.campaign_id AS "campaignId", c.name, c.channel, coalesce(c.sent_at, c.send_at) AS "sentAt", c.sent,
    c.failed, c.skipped, coalesce(l.leads, 0)::int AS leads, coalesce(l.converted, 0)::int AS "convertedLeads",
    coalesce(l.leads, 0)::float8 / NULLIF(c.sent, 0) AS "leadRate", coalesce(u.unsubscribed, 0)::int AS unsubscribed,
    coalesce(u.unsubscribed, 0)::float8 / NULLIF(c.sent, 0) AS "unsubscribeRate",
    coalesce(o.recipients, 0) AS recipients, coalesce(o.treated, 0) AS treated, coalesce(o.holdout, 0) AS holdout,
    coalesce(o."treatedResponded", 0) AS "treatedResponded", coalesce(o."holdoutResponded", 0) AS "holdoutResponded",
    coalesce(o."treatedConverted", 0) AS "treatedConverted", coalesce(o."holdoutConverted", 0) AS "holdoutConverted",
    coalesce(o.revenue, 0) AS revenue
  FROM campaign c LEFT JOIN lead l USING (campaign_id) LEFT JOIN unsubscribe u USING (campaign_id)
    LEFT JOIN outcome o USING (campaign_id)`;

/** A customer counts under each model they own. */
const OWNED_MODEL = `LEFT JOIN (SELECT DISTINCT owner_customer_id, model FROM ${LIVE_TABLES.vehicleModel}) v
    ON v.owner_customer_id = f.customer_id`;

/** Per campaign and the recipients' segment: treated against holdout, so response, conversion and lift. */
const bySegment = (by: SevenPsGrouping) => `
  WITH campaign AS ${CAMPAIGNS}, ${SETTLED}
  SELECT f.campaign_id AS "campaignId", ${by === 'model' ? 'v.model AS "model"' : customerKey('c', by)},
    k.name, ${SETTLED_FIGURES}
  FROM settled f JOIN campaign k USING (campaign_id)
    LEFT JOIN ${CUSTOMER_DIMENSIONS} c ON c.customer_id = f.customer_id
    ${by === 'model' ? OWNED_MODEL : ''}
  WHERE ${customerFilter('c')}
  GROUP BY 1, 2, 3`;

/** Campaign response and lift over the holdout, by campaign and by the recipients' segments. */
export const PROMOTION: SevenPReport = {
  p: 'promotion',
  basis:
    'campaigns sent (or, not yet sent, scheduled) in [from, to); sent, failed, skipped: the campaign.sent ' +
    'totals; leads: captured naming the campaign (converted: became an opportunity); unsubscribes; recipients: ' +
    'those settled when their attribution window closed (campaign.recipient-settled), treated (sent or tried) or ' +
    'held out; responded: opened, clicked, replied or converted; converted: an order, service visit, lead or test ' +
    'drive in the window; lift: treated minus holdout conversion rate with its 95 % interval; revenue: the treated ' +
    'recipients’ orders in their windows (in the orders’ currency); by tier (last recompute), age band (at `to`), ' +
    'province or each model owned: the recipients’',
  missing: [
    'recipients whose attribution window is still open: they count once settled',
    'the value tier at settlement: analytics keeps only the last recompute’s tier',
  ],
  groupings: ['campaign', 'tier', 'ageBand', 'region', 'model'],
  filters: (by) => (by === 'campaign' ? [] : CUSTOMER_FILTERS),
  windowed: true,
  keys: (by) => (by === 'campaign' ? 1 : 2),
  sql: (by: SevenPsGrouping) => (by === 'campaign' ? BY_CAMPAIGN : bySegment(by)),
  derive: withLift,
  newestEvent: [
    `${LIVE_TABLES.campaignFact}.event_at`,
    `${LIVE_TABLES.leadFact}.event_at`,
    `${LIVE_TABLES.campaignUnsubscribe}.event_at`,
    `${LIVE_TABLES.campaignRecipientFact}.event_at`,
  ],
};
