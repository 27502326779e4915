import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CampaignObjective } from '../../campaign-objectives';
import { SegmentSql } from '../../segments/segment-sql';
import { featureQuery } from './feature-sql';
import { respondedSql } from './responded-sql';

/** One customer's raw features (in PROPENSITY_FEATURES order, NULL when unknown) and, for a training row, its label. */
export interface FeatureRow {
  customerId: string;
  values: (number | null)[];
  label: boolean | null;
}

export interface LabelCounts {
  positives: number;
  negatives: number;
}

/** An objective's past sends ($1), one row per campaign and customer as of its first send, with its label. */
const EXAMPLES = `
  SELECT DISTINCT ON (r.campaign_id, r.customer_id) r.customer_id, r.sent_at AS as_of, ${respondedSql('r', 'k')} AS label
    FROM campaigns.campaign_recipient r JOIN campaigns.campaign k ON k.id = r.campaign_id
   WHERE k.objective = $1 AND r.status = 'sent'
   ORDER BY r.campaign_id, r.customer_id, r.sent_at`;

/** Reads features from the replicas, set-based: a segment's members, one customer, or an objective's past sends. */
@Injectable()
export class CustomerFeaturesRepository {
  ofMembers(tx: EntityManager, members: SegmentSql, at: Date): Promise<FeatureRow[]> {
    const next = members.params.length + 1;
    return tx.query(
      featureQuery(
        `SELECT c.id AS customer_id, $${next}::timestamptz AS as_of, NULL::boolean AS label
           FROM campaigns.customer c WHERE ${members.where}`,
      ),
      [...members.params, at],
    );
  }

  async ofCustomer(tx: EntityManager, customerId: string, at: Date): Promise<FeatureRow | null> {
    const [row] = await this.ofMembers(tx, { where: 'c.id = $1', params: [customerId] }, at);
    return row ?? null;
  }

  /**
   * One row per campaign of the objective and customer it was sent to (held-out recipients were never sent), as of
   * the send, labelled with whether they responded.
   */
  examples(tx: EntityManager, objective: CampaignObjective): Promise<FeatureRow[]> {
    return tx.query(featureQuery(EXAMPLES), [objective]);
  }

  /** How many of those rows responded and how many did not, without reading their features. */
  async labelCounts(tx: EntityManager, objective: CampaignObjective): Promise<LabelCounts> {
    const [row] = await tx.query(
      `SELECT count(*) FILTER (WHERE label)::int AS positives, count(*) FILTER (WHERE NOT label)::int AS negatives
         FROM (${EXAMPLES}) e`,
      [objective],
    );
    return row;
  }
}
