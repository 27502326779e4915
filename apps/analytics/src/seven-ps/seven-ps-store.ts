import { EntityManager } from 'typeorm';
import {
  changingCustomerIds,
  currentCustomerId,
  resolvingCustomerIds,
} from '../customer-value/customer-identity';
import { SevenPsTables } from './seven-ps-tables';

/** Its own tables and the vehicles replica, whose owner is the customer's link to a model. */
export type SevenPsStoreTables = SevenPsTables & { vehicleModel: string };

export interface OrderLines {
  orderId: string;
  lines: Array<{ model: string; quantity: number; lineTotal: number }>;
  eventAt: string;
  eventId: string;
}

/** What one lead event says: captured (source, campaign, when) or converted (when). */
export interface LeadChange {
  leadId: string;
  source: string;
  customerId: string | null;
  partnerId: string | null;
  campaignId: string | null;
  capturedAt: string | null;
  convertedAt: string | null;
  eventAt: string;
}

export interface CampaignChange {
  campaignId: string;
  name: string | null;
  channel: string;
  sendAt: string | null;
  sentAt: string | null;
  recipients: { sent: number; failed: number; skipped: number } | null;
  eventAt: string;
}

export interface Unsubscribe {
  eventId: string;
  campaignId: string;
  customerId: string;
  unsubscribedAt: string;
  eventAt: string;
}

/**
 * The Seven Ps projections in PostgreSQL. Every write merges by rule (a line is the order's, a lead's times are
 * the earliest seen, a campaign's totals the sent event's, an unsubscribe is one row per event), so a
 * duplicate or a replay changes nothing (ADR 0026).
 */
export class SevenPsStore {
  constructor(private readonly tables: SevenPsStoreTables) {}

  /** Set-based (ADR 0045): every line of every order in one insert; lines already held stay as they are. */
  async addOrderLines(tx: EntityManager, orders: OrderLines[]): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.tables.orderLine} (order_id, line_no, model, quantity, line_total, event_at, event_id)
       SELECT o.order_id, line.no, line.value->>'model', (line.value->>'quantity')::int,
         (line.value->>'lineTotal')::numeric, o.event_at, o.event_id
       FROM jsonb_to_recordset($1::jsonb) AS o (order_id uuid, lines jsonb, event_at timestamptz, event_id uuid)
         CROSS JOIN LATERAL jsonb_array_elements(o.lines) WITH ORDINALITY AS line(value, no)
       ORDER BY o.order_id, line.no
       ON CONFLICT (order_id, line_no) DO NOTHING`,
      [
        JSON.stringify(
          orders.map((order) => ({
            order_id: order.orderId,
            lines: order.lines,
            event_at: order.eventAt,
            event_id: order.eventId,
          })),
        ),
      ],
    );
  }

  async applyLead(tx: EntityManager, lead: LeadChange): Promise<void> {
    await resolvingCustomerIds(tx);
    await tx.query(
      `INSERT INTO ${this.tables.leadFact} AS t (lead_id, source, customer_id, partner_id, campaign_id, captured_at,
         converted_at, event_at)
       VALUES ($1, $2, ${currentCustomerId('$3')}, $4, $5, $6, $7, $8)
       ON CONFLICT (lead_id) DO UPDATE SET
         source = CASE WHEN EXCLUDED.captured_at IS NOT NULL THEN EXCLUDED.source ELSE t.source END,
         customer_id = coalesce(EXCLUDED.customer_id, t.customer_id),
         partner_id = coalesce(EXCLUDED.partner_id, t.partner_id),
         campaign_id = coalesce(t.campaign_id, EXCLUDED.campaign_id),
         captured_at = LEAST(t.captured_at, EXCLUDED.captured_at),
         converted_at = LEAST(t.converted_at, EXCLUDED.converted_at),
         event_at = GREATEST(t.event_at, EXCLUDED.event_at)`,
      [
        lead.leadId,
        lead.source,
        lead.customerId,
        lead.partnerId,
        lead.campaignId,
        lead.capturedAt,
        lead.convertedAt,
        lead.eventAt,
      ],
    );
  }

  async applyCampaign(tx: EntityManager, campaign: CampaignChange): Promise<void> {
    const { recipients } = campaign;
    await tx.query(
      `INSERT INTO ${this.tables.campaignFact} AS t (campaign_id, name, channel, send_at, sent_at, sent, failed,
         skipped, event_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (campaign_id) DO UPDATE SET
         name = coalesce(EXCLUDED.name, t.name),
         send_at = coalesce(EXCLUDED.send_at, t.send_at),
         sent_at = coalesce(EXCLUDED.sent_at, t.sent_at),
         sent = coalesce(EXCLUDED.sent, t.sent),
         failed = coalesce(EXCLUDED.failed, t.failed),
         skipped = coalesce(EXCLUDED.skipped, t.skipped),
         event_at = GREATEST(t.event_at, EXCLUDED.event_at)`,
      [
        campaign.campaignId,
        campaign.name,
        campaign.channel,
        campaign.sendAt,
        campaign.sentAt,
        recipients?.sent ?? null,
        recipients?.failed ?? null,
        recipients?.skipped ?? null,
        campaign.eventAt,
      ],
    );
  }

  async addUnsubscribe(tx: EntityManager, unsubscribe: Unsubscribe): Promise<void> {
    await resolvingCustomerIds(tx);
    await tx.query(
      `INSERT INTO ${this.tables.campaignUnsubscribe} (event_id, campaign_id, customer_id, unsubscribed_at, event_at)
       VALUES ($1, $2, ${currentCustomerId('$3')}, $4, $5) ON CONFLICT (event_id) DO NOTHING`,
      [
        unsubscribe.eventId,
        unsubscribe.campaignId,
        unsubscribe.customerId,
        unsubscribe.unsubscribedAt,
        unsubscribe.eventAt,
      ],
    );
  }

  /** The person's leads, unsubscribes and vehicles stay, counted, without their id. */
  async erase(tx: EntityManager, customerId: string): Promise<void> {
    await this.repoint(tx, customerId, null);
  }

  /** The merged-away customer's leads, unsubscribes and vehicles are the survivor's. */
  async merge(tx: EntityManager, mergedId: string, survivorId: string): Promise<void> {
    await this.repoint(tx, mergedId, survivorId);
  }

  private async repoint(tx: EntityManager, from: string, to: string | null): Promise<void> {
    await changingCustomerIds(tx);
    for (const table of [this.tables.leadFact, this.tables.campaignUnsubscribe])
      await tx.query(`UPDATE ${table} SET customer_id = $2 WHERE customer_id = $1`, [from, to]);
    await tx.query(
      `UPDATE ${this.tables.vehicleModel} SET owner_customer_id = $2 WHERE owner_customer_id = $1`,
      [from, to],
    );
  }
}
