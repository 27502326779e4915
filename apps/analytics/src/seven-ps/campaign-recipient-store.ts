import { EntityManager } from 'typeorm';
import { CampaignRecipientSettled, EventEnvelope, PayloadOf } from '@crm/contracts';
import {
  changingCustomerIds,
  currentCustomerId,
  resolvingCustomerIds,
} from '../customer-value/customer-identity';

export type RecipientSettlement = EventEnvelope<PayloadOf<typeof CampaignRecipientSettled>>;

/**
 * The settled recipients of campaigns (ADR 0053), one row per settlement event: inserts only, keyed by the event id,
 * so a redelivery, a replay or any order of arrival leaves the same rows. The customer id is the one facts are kept
 * under (a merge's survivor, none once erased), as for leads and unsubscribes.
 */
export class CampaignRecipientStore {
  constructor(private readonly tables: { campaignRecipientFact: string }) {}

  /** Set-based (ADR 0045): a batch of settlements in one insert. */
  async addSettlements(tx: EntityManager, settlements: RecipientSettlement[]): Promise<void> {
    await resolvingCustomerIds(tx);
    await tx.query(
      `INSERT INTO ${this.tables.campaignRecipientFact} (event_id, campaign_id, step, channel, customer_id, grp,
         delivered, opened, clicked, responded, converted, conversion_kind, conversion_amount, window_closed_at,
         settled_at, event_at)
       SELECT s.event_id, s."campaignId", s.step, s.channel, ${currentCustomerId('s."customerId"')}, s."group",
         s.delivered, s.opened, s.clicked, s.responded, s.converted, s."conversionKind", s."conversionAmount",
         s."windowClosedAt", s."settledAt", s.event_at
       FROM jsonb_to_recordset($1::jsonb) AS s (event_id uuid, "campaignId" uuid, step smallint, channel text,
         "customerId" uuid, "group" text, delivered boolean, opened boolean, clicked boolean, responded boolean,
         converted boolean, "conversionKind" text, "conversionAmount" numeric, "windowClosedAt" timestamptz,
         "settledAt" timestamptz, event_at timestamptz)
       ORDER BY s.event_id
       ON CONFLICT (event_id) DO NOTHING`,
      [
        JSON.stringify(
          settlements.map(({ id, payload, occurredAt }) => ({
            ...payload,
            event_id: id,
            event_at: occurredAt,
          })),
        ),
      ],
    );
  }

  /** The person's settlements stay counted, without their id. */
  async erase(tx: EntityManager, customerId: string): Promise<void> {
    await this.repoint(tx, customerId, null);
  }

  /** The merged-away customer's settlements are the survivor's. */
  async merge(tx: EntityManager, mergedId: string, survivorId: string): Promise<void> {
    await this.repoint(tx, mergedId, survivorId);
  }

  private async repoint(tx: EntityManager, from: string, to: string | null): Promise<void> {
    await changingCustomerIds(tx);
    await tx.query(
      `UPDATE ${this.tables.campaignRecipientFact} SET customer_id = $2 WHERE customer_id = $1`,
      [from, to],
    );
  }
}
