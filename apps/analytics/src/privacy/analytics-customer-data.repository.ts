import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CUSTOMER_VALUES, MERGED_CUSTOMERS } from '../customer-value/customer-value-tables';
import { LIVE_TABLES } from '../projections/projection-tables';

/** Every analytics table's rows about one customer, table by table (GDPR Art. 15/20, PIPL Art. 45). */
@Injectable()
export class AnalyticsCustomerDataRepository {
  constructor(private readonly db: DataSource) {}

  async export(customerId: string): Promise<Record<string, unknown[]>> {
    const rows = (sql: string) => this.db.query(sql, [customerId]);
    return {
      value_customer: await rows(`SELECT * FROM ${LIVE_TABLES.valueCustomer} WHERE customer_id = $1`),
      customer_value: await rows(`SELECT * FROM ${CUSTOMER_VALUES} WHERE customer_id = $1`),
      order_fact: await rows(
        `SELECT * FROM ${LIVE_TABLES.orderFact} WHERE customer_id = $1 ORDER BY placed_at`,
      ),
      order_line: await rows(
        `SELECT l.* FROM ${LIVE_TABLES.orderLine} l JOIN ${LIVE_TABLES.orderFact} o USING (order_id)
         WHERE o.customer_id = $1 ORDER BY l.order_id, l.line_no`,
      ),
      repair_fact: await rows(
        `SELECT * FROM ${LIVE_TABLES.repairFact} WHERE customer_id = $1 ORDER BY repaired_at`,
      ),
      vehicle_model: await rows(`SELECT * FROM ${LIVE_TABLES.vehicleModel} WHERE owner_customer_id = $1`),
      lead_fact: await rows(`SELECT * FROM ${LIVE_TABLES.leadFact} WHERE customer_id = $1`),
      campaign_unsubscribe: await rows(
        `SELECT * FROM ${LIVE_TABLES.campaignUnsubscribe} WHERE customer_id = $1`,
      ),
      campaign_recipient_fact: await rows(
        `SELECT * FROM ${LIVE_TABLES.campaignRecipientFact} WHERE customer_id = $1 ORDER BY settled_at`,
      ),
      merged_customer: await rows(
        `SELECT * FROM ${MERGED_CUSTOMERS} WHERE merged_id = $1 OR survivor_id = $1`,
      ),
    };
  }
}
