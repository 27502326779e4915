import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Every service table's rows about one customer, table by table (GDPR Art. 15/20, PIPL Art. 45). */
@Injectable()
export class CustomerDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async export(customerId: string): Promise<Record<string, unknown[]>> {
    const q = (sql: string, params: unknown[]) => this.dataSource.query(sql, params);
    const tickets = await q(`SELECT * FROM service.ticket WHERE customer_id = $1 ORDER BY opened_at`, [
      customerId,
    ]);
    const ids = tickets.map((t: { id: string }) => t.id);
    const contact = await q(`SELECT * FROM service.customer_contact WHERE customer_id = $1`, [customerId]);
    const addresses: string[] = contact.flatMap((c: { phones: string[]; emails: string[] }) => [
      ...c.phones,
      ...c.emails,
    ]);
    return {
      customer_contact: contact,
      customer_location: await q(`SELECT * FROM service.customer_location WHERE customer_id = $1`, [
        customerId,
      ]),
      customer_vehicle: await q(`SELECT * FROM service.customer_vehicle WHERE owner_customer_id = $1`, [
        customerId,
      ]),
      ticket: tickets,
      ticket_event: await q(`SELECT * FROM service.ticket_event WHERE ticket_id = ANY($1) ORDER BY id`, [
        ids,
      ]),
      routing_decision: await q(
        `SELECT id, ticket_id, station_id, lat, lon, outcome, decided_at FROM service.routing_decision
          WHERE ticket_id = ANY($1) ORDER BY id`,
        [ids],
      ),
      repair_record: await q(`SELECT * FROM service.repair_record WHERE ticket_id = ANY($1)`, [ids]),
      webhook_delivery: await q(
        `SELECT id, ticket_id, station_id, body, status, created_at, delivered_at FROM service.webhook_delivery
          WHERE ticket_id = ANY($1)`,
        [ids],
      ),
      customer_notification: await q(`SELECT * FROM service.customer_notification WHERE customer_id = $1`, [
        customerId,
      ]),
      read_audit: await q(
        `SELECT * FROM service.read_audit WHERE entity_id = ANY($1) OR result_ids && $1 ORDER BY id`,
        [[customerId, ...ids]],
      ),
      dev_mailbox_message: await q(`SELECT * FROM service.dev_mailbox_message WHERE recipient = ANY($1)`, [
        addresses,
      ]),
    };
  }
}
