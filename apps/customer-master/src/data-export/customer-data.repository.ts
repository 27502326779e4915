import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The customer master's own rows about one person, table by table. */
@Injectable()
export class CustomerMasterDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async export(customerId: string): Promise<Record<string, unknown[]>> {
    const q = (sql: string) => this.dataSource.query(sql, [customerId]);
    return {
      customer: await q(`SELECT * FROM customer_master.customer WHERE id = $1`),
      customer_phone: await q(`SELECT * FROM customer_master.customer_phone WHERE customer_id = $1`),
      consent: await q(`SELECT * FROM customer_master.consent WHERE customer_id = $1`),
      vehicle: await q(`SELECT * FROM customer_master.vehicle WHERE owner_customer_id = $1`),
      customer_partner_link: await q(
        `SELECT * FROM customer_master.customer_partner_link WHERE customer_id = $1`,
      ),
      audit_log: await q(`SELECT * FROM customer_master.audit_log WHERE entity_id = $1 ORDER BY id`),
      read_audit: await q(
        `SELECT * FROM customer_master.read_audit WHERE entity_id = $1 OR $1 = ANY(result_ids) ORDER BY id`,
      ),
    };
  }
}
