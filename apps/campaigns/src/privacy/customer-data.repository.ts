import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Every campaigns table's rows about one customer (GDPR Art. 15/20, PIPL Art. 45). */
@Injectable()
export class CampaignsCustomerDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async export(customerId: string): Promise<Record<string, unknown[]>> {
    const rows = (sql: string) => this.dataSource.query(sql, [customerId]);
    return {
      customer: await rows(`SELECT * FROM campaigns.customer WHERE id = $1`),
      customer_consent: await rows(
        `SELECT * FROM campaigns.customer_consent WHERE customer_id = $1 ORDER BY channel`,
      ),
      vehicle: await rows(`SELECT * FROM campaigns.vehicle WHERE owner_customer_id = $1 ORDER BY id`),
      // Who saw the person in a segment preview, and when.
      read_audit: await rows(
        `SELECT * FROM campaigns.read_audit WHERE entity_id = $1 OR $1 = ANY(result_ids) ORDER BY id`,
      ),
      customer_order: await rows(
        `SELECT * FROM campaigns.customer_order WHERE customer_id = $1 ORDER BY placed_at, id`,
      ),
      customer_service: await rows(`SELECT * FROM campaigns.customer_service WHERE customer_id = $1`),
      customer_value_tier: await rows(`SELECT * FROM campaigns.customer_value_tier WHERE customer_id = $1`),
      browsing_profile: await rows(`SELECT * FROM campaigns.browsing_profile WHERE customer_id = $1`),
      segment_member: await rows(
        `SELECT m.segment_id, s.name AS segment_name FROM campaigns.segment_member m
           JOIN campaigns.segment s ON s.id = m.segment_id WHERE m.customer_id = $1 ORDER BY s.name, m.segment_id`,
      ),
      campaign_recipient: await rows(
        `SELECT * FROM campaigns.campaign_recipient WHERE customer_id = $1 ORDER BY campaign_id, step`,
      ),
      unsubscription: await rows(`SELECT * FROM campaigns.unsubscription WHERE customer_id = $1 ORDER BY at`),
      campaign_response: await rows(
        `SELECT * FROM campaigns.campaign_response WHERE customer_id = $1 ORDER BY first_at, campaign_id, kind`,
      ),
      next_best_offer: await rows(`SELECT * FROM campaigns.next_best_offer WHERE customer_id = $1`),
    };
  }
}
