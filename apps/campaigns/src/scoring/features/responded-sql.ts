import { convertedBetween } from '../../tracking/conversion-sql';

/**
 * Whether a sent recipient responded: clicked, replied through the call center, or converted within the campaign's
 * attribution window. Opens do not count: a pixel load is also a mail client prefetching images (ADR 0033).
 * SQL over a recipient row `r` (campaign_id, customer_id, sent_at) and its campaign `k` (attribution_days).
 */
export const respondedSql = (r = 'r', k = 'k') =>
  `(EXISTS (SELECT 1 FROM campaigns.campaign_response x
             WHERE x.campaign_id = ${r}.campaign_id AND x.customer_id = ${r}.customer_id
               AND x.kind IN ('clicked', 'replied'))
    OR ${convertedBetween(`${r}.customer_id`, `${r}.sent_at`, `${r}.sent_at + make_interval(days => ${k}.attribution_days::int)`)})`;
