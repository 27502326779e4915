import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerState } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql, PersonalTraces } from '@crm/messaging';

const NEWER_EVENT = excludedEventIsNewerSql('campaigns.customer', {
  sequence: 'source_sequence',
  occurredAt: 'updated_at',
});

/** campaigns' copy of customer records, written only by the customer event consumer. */
@Injectable()
export class CustomerReplicaRepository {
  /** Only a newer event (ADR 0021) overwrites; resolves false when the event was older. */
  async upsert(tx: EntityManager, state: CustomerState, order: EventOrder): Promise<boolean> {
    const consents = latestConsents(state);
    // The granted channels also on the row (ADR 0060): segments read them there, sending reads customer_consent.
    const consented = consents.filter((consent) => consent.granted).map((consent) => consent.channel);
    const applied: unknown[] = await tx.query(
      `INSERT INTO campaigns.customer (id, kind, name, province, city, birthday, gender, tags, phones, emails, updated_at,
         source_sequence, preferred_language, consented_channels)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, province = EXCLUDED.province,
         city = EXCLUDED.city, birthday = EXCLUDED.birthday, gender = EXCLUDED.gender, tags = EXCLUDED.tags,
         phones = EXCLUDED.phones, emails = EXCLUDED.emails, updated_at = EXCLUDED.updated_at,
         source_sequence = EXCLUDED.source_sequence, preferred_language = EXCLUDED.preferred_language,
         consented_channels = EXCLUDED.consented_channels
       WHERE ${NEWER_EVENT}
       RETURNING id`,
      [
        state.customerId,
        state.kind,
        state.name,
        state.address?.province ?? null,
        state.address?.city ?? null,
        state.birthday,
        state.gender,
        state.tags,
        state.phones,
        state.emails.map((email) => email.trim().toLowerCase()),
        order.occurredAt,
        order.sequence,
        state.preferredLanguage ?? null,
        consented.sort(),
      ],
    );
    if (applied.length === 0) return false;
    await this.replaceConsents(tx, state.customerId, consents);
    return true;
  }

  async delete(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM campaigns.customer WHERE id = $1`, [customerId]);
  }

  /** What campaigns holds of a person, for scrubbing the messaging tables when they are erased. */
  async traces(tx: EntityManager, customerId: string): Promise<PersonalTraces> {
    const rows: Array<{ value: string | null }> = await tx.query(
      `SELECT name AS value FROM campaigns.customer WHERE id = $1
       UNION ALL SELECT unnest(phones) FROM campaigns.customer WHERE id = $1
       UNION ALL SELECT unnest(emails) FROM campaigns.customer WHERE id = $1`,
      [customerId],
    );
    return { ids: [customerId], values: rows.map((row) => row.value) };
  }

  private async replaceConsents(tx: EntityManager, customerId: string, consents: Consent[]): Promise<void> {
    await tx.query(`DELETE FROM campaigns.customer_consent WHERE customer_id = $1`, [customerId]);
    for (const consent of consents) {
      await tx.query(
        `INSERT INTO campaigns.customer_consent (customer_id, channel, granted, at) VALUES ($1, $2, $3, $4)`,
        [customerId, consent.channel, consent.granted, consent.at],
      );
    }
  }
}

type Consent = CustomerState['consents'][number];

/** The latest decision per channel: a later withdrawal overrides an earlier grant. */
function latestConsents(state: CustomerState): Consent[] {
  const latest = new Map<string, Consent>();
  for (const consent of state.consents) {
    const known = latest.get(consent.channel);
    if (!known || known.at <= consent.at) latest.set(consent.channel, consent);
  }
  return [...latest.values()];
}
