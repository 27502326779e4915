import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Every row web-tracking holds about one customer, table by table, for their data export (ADR 0013). */
@Injectable()
export class WebTrackingCustomerDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async export(customerId: string): Promise<Record<string, unknown[]>> {
    const q = (sql: string) => this.dataSource.query(sql, [customerId]);
    return {
      visitor: await q(`SELECT * FROM web_tracking.visitor WHERE customer_id = $1`),
      page_view: await q(`SELECT * FROM web_tracking.page_view WHERE customer_id = $1 ORDER BY viewed_at`),
      browsing_profile: await q(`SELECT * FROM web_tracking.browsing_profile WHERE customer_id = $1`),
      customer_consent: await q(`SELECT * FROM web_tracking.customer_consent WHERE customer_id = $1`),
    };
  }
}
