import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { idsOf, PersonalRecordsRepository } from './personal-records.repository';

/** Every sales table's rows about one customer, table by table (GDPR Art. 15/20, PIPL Art. 45). */
@Injectable()
export class SalesCustomerDataRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: PersonalRecordsRepository,
  ) {}

  async export(customerId: string): Promise<Record<string, unknown[]>> {
    const records = await this.records.find(this.dataSource.manager, customerId);
    const q = (sql: string, params: unknown[]) => this.dataSource.query(sql, params);
    const leadIds = records.leads.map((lead) => lead.id);
    return {
      customer_contact: await q(`SELECT * FROM sales.customer_contact WHERE customer_id = $1`, [customerId]),
      lead: await q(`SELECT * FROM sales.lead WHERE id = ANY($1) ORDER BY created_at`, [leadIds]),
      opportunity: await q(`SELECT * FROM sales.opportunity WHERE id = ANY($1) ORDER BY created_at`, [
        records.opportunityIds,
      ]),
      opportunity_stage_history: await q(
        `SELECT * FROM sales.opportunity_stage_history WHERE opportunity_id = ANY($1) ORDER BY id`,
        [records.opportunityIds],
      ),
      quote: await q(`SELECT * FROM sales.quote WHERE opportunity_id = ANY($1) ORDER BY created_at`, [
        records.opportunityIds,
      ]),
      sales_order: await q(
        `SELECT * FROM sales.sales_order WHERE opportunity_id = ANY($1) ORDER BY placed_at`,
        [records.opportunityIds],
      ),
      activity: await q(`SELECT * FROM sales.activity WHERE id = ANY($1) ORDER BY occurred_at`, [
        records.activities.map((activity) => activity.id),
      ]),
      // Who looked at the person's data (GDPR Art. 15(1)(c): the recipients).
      read_audit: await q(
        `SELECT * FROM sales.read_audit WHERE entity_id = ANY($1) OR result_ids && $1 ORDER BY id`,
        [idsOf(customerId, records)],
      ),
    };
  }
}
