import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Every call-center table's rows about one customer, table by table (GDPR Art. 15/20, PIPL Art. 45). */
@Injectable()
export class CallCenterCustomerDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async export(customerId: string): Promise<Record<string, unknown[]>> {
    const q = (sql: string) => this.dataSource.query(sql, [customerId]);
    return {
      customer: await q(`SELECT * FROM call_center.customer WHERE id = $1`),
      customer_phone: await q(`SELECT * FROM call_center.customer_phone WHERE customer_id = $1`),
      vehicle: await q(`SELECT * FROM call_center.vehicle WHERE owner_customer_id = $1`),
      ticket: await q(`SELECT * FROM call_center.ticket WHERE customer_id = $1`),
      repair: await q(`SELECT * FROM call_center.repair WHERE customer_id = $1`),
      interaction: await q(`SELECT * FROM call_center.interaction WHERE customer_id = $1`),
      sales_activity: await q(`SELECT * FROM call_center.sales_activity WHERE customer_id = $1`),
      next_best_offer: await q(`SELECT * FROM call_center.next_best_offer WHERE customer_id = $1`),
      customer_offer: await q(`SELECT * FROM call_center.customer_offer WHERE customer_id = $1`),
      browsing_profile: await q(`SELECT * FROM call_center.browsing_profile WHERE customer_id = $1`),
      opportunity: await q(`SELECT * FROM call_center.opportunity WHERE customer_id = $1`),
      customer_value_tier: await q(`SELECT * FROM call_center.customer_value_tier WHERE customer_id = $1`),
      // Who looked at the person's data (GDPR Art. 15(1)(c): the recipients).
      read_audit: await q(
        `SELECT * FROM call_center.read_audit WHERE entity_id = $1 OR $1 = ANY(result_ids) ORDER BY id`,
      ),
    };
  }
}
