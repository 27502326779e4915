import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ERASED_TEXT, PersonalTraces } from '@crm/messaging';

/** The SQL of erasure: every service table that can hold a person's data, found by their customer id. */
@Injectable()
export class ServiceErasureRepository {
  /** What identifies messages about the person, and the values of theirs to look for, before anything is scrubbed. */
  async traces(
    tx: EntityManager,
    customerId: string,
    contacts: string[],
  ): Promise<PersonalTraces & { ticketIds: string[] }> {
    const tickets: Array<{
      id: string;
      vehicle_id: string | null;
      vin: string | null;
      description: string;
      satisfaction_comment: string | null;
    }> = await tx.query(
      `SELECT id, vehicle_id, vin, description, satisfaction_comment FROM service.ticket WHERE customer_id = $1`,
      [customerId],
    );
    const ticketIds = tickets.map((t) => t.id);
    const notes: Array<{ text: string }> = await tx.query(
      `SELECT note AS text FROM service.ticket_event WHERE ticket_id = ANY($1) AND note IS NOT NULL
       UNION ALL SELECT work_done FROM service.repair_record WHERE ticket_id = ANY($1)`,
      [ticketIds],
    );
    return {
      ticketIds,
      ids: [customerId, ...ticketIds, ...tickets.flatMap((t) => (t.vehicle_id ? [t.vehicle_id] : []))],
      values: [
        ...contacts,
        ...tickets.flatMap((t) => [t.vin, t.description, t.satisfaction_comment]),
        ...notes.map((n) => n.text),
      ],
    };
  }

  /** Tickets keep their numbers, dates and outcome for the statistics; what they said about the person goes. */
  async scrubTickets(tx: EntityManager, ticketIds: string[]): Promise<void> {
    if (ticketIds.length === 0) return;
    await tx.query(
      `UPDATE service.ticket SET description = $2, vin = NULL, lat = NULL, lon = NULL, satisfaction_comment = NULL,
         updated_at = now() WHERE id = ANY($1)`,
      [ticketIds, ERASED_TEXT],
    );
    await tx.query(`UPDATE service.ticket_event SET note = NULL WHERE ticket_id = ANY($1)`, [ticketIds]);
    await tx.query(`UPDATE service.routing_decision SET lat = NULL, lon = NULL WHERE ticket_id = ANY($1)`, [
      ticketIds,
    ]);
    await tx.query(`UPDATE service.repair_record SET work_done = $2 WHERE ticket_id = ANY($1)`, [
      ticketIds,
      ERASED_TEXT,
    ]);
    await tx.query(
      `UPDATE service.customer_notification_attempt SET error = NULL
        WHERE notification_id IN (SELECT id FROM service.customer_notification WHERE ticket_id = ANY($1))`,
      [ticketIds],
    );
  }

  /** Webhook bodies were copies of the ticket: its personal values and location are overwritten in them. */
  async scrubWebhookBodies(tx: EntityManager, ticketIds: string[], values: string[]): Promise<void> {
    if (ticketIds.length === 0) return;
    await tx.query(
      `UPDATE service.webhook_delivery SET body = jsonb_set(body::jsonb, '{ticket,location}', 'null')::text
        WHERE ticket_id = ANY($1) AND body::jsonb #> '{ticket,location}' IS NOT NULL`,
      [ticketIds],
    );
    for (const value of values)
      await tx.query(
        `UPDATE service.webhook_delivery SET body = replace(body, $2, $3)
          WHERE ticket_id = ANY($1) AND strpos(body, $2) > 0`,
        [ticketIds, JSON.stringify(value).slice(1, -1), ERASED_TEXT],
      );
  }

  /** The dev mailbox keeps what would have been sent: every message to the person's addresses goes. */
  async deleteMailbox(tx: EntityManager, contacts: string[]): Promise<void> {
    if (contacts.length === 0) return;
    await tx.query(`DELETE FROM service.dev_mailbox_message WHERE recipient = ANY($1)`, [contacts]);
  }

  /** Outbox rows about the person's tickets carry where the car was: that goes too. */
  async scrubOutboxLocations(tx: EntityManager, ticketIds: string[]): Promise<void> {
    if (ticketIds.length === 0) return;
    await tx.query(
      `UPDATE service.outbox_message SET envelope = jsonb_set(envelope, '{payload,location}', 'null')
        WHERE envelope->>'aggregateId' = ANY($1) AND envelope #> '{payload,location}' IS NOT NULL
          AND envelope #> '{payload,location}' <> 'null'::jsonb`,
      [ticketIds],
    );
  }
}
