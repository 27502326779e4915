import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerContact } from './customer-contact';

/** The replica of customer contacts from customer-master's events; leads are matched against it. */
@Injectable()
export class CustomerContactRepository {
  async save(tx: EntityManager, c: CustomerContact): Promise<void> {
    await tx.query(
      `INSERT INTO sales.customer_contact (customer_id, name, phones, emails) VALUES ($1, $2, $3, $4)
       ON CONFLICT (customer_id) DO UPDATE SET name = EXCLUDED.name, phones = EXCLUDED.phones,
         emails = EXCLUDED.emails, updated_at = now()`,
      [c.customerId, c.name, c.phones, c.emails],
    );
  }

  async remove(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM sales.customer_contact WHERE customer_id = $1`, [customerId]);
  }

  /** The customer with this phone, else with this email; the most recently updated wins a tie. */
  async match(tx: EntityManager, phone: string | null, email: string | null): Promise<string | null> {
    if (!phone && !email) return null;
    const [row] = await tx.query(
      `SELECT customer_id FROM sales.customer_contact
        WHERE ($1::text IS NOT NULL AND phones @> ARRAY[$1::text]) OR ($2::text IS NOT NULL AND emails @> ARRAY[$2::text])
        ORDER BY ($1::text IS NOT NULL AND phones @> ARRAY[$1::text]) DESC, updated_at DESC LIMIT 1`,
      [phone, email],
    );
    return row?.customer_id ?? null;
  }

  async find(tx: EntityManager, customerId: string): Promise<CustomerContact | null> {
    const [row] = await tx.query(
      `SELECT customer_id AS "customerId", name, phones, emails FROM sales.customer_contact WHERE customer_id = $1`,
      [customerId],
    );
    return row ?? null;
  }

  /** Leads, opportunities and activities of a merged customer follow the survivor. */
  async repoint(tx: EntityManager, fromId: string, toId: string): Promise<void> {
    for (const table of ['lead', 'opportunity', 'activity'])
      await tx.query(`UPDATE sales.${table} SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
  }
}
