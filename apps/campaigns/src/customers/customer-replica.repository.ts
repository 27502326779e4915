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
    const applied: unknown[] = await tx.query(
      `INSERT INTO campaigns.customer (id, kind, name, province, city, birthday, gender, tags, phones, emails, updated_at,
         source_sequence, preferred_language)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, province = EXCLUDED.province,
         city = EXCLUDED.city, birthday = EXCLUDED.birthday, gender = EXCLUDED.gender, tags = EXCLUDED.tags,
         phones = EXCLUDED.phones, emails = EXCLUDED.emails, updated_at = EXCLUDED.updated_at,
         source_sequence = EXCLUDED.source_sequence, preferred_language = EXCLUDED.preferred_language
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
      ],
    );
    if (applied.length === 0) return false;
    await this.replaceConsents(tx, state);
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

  /** The latest decision per channel: a later withdrawal overrides an earlier grant. */
  private async replaceConsents(tx: EntityManager, state: CustomerState): Promise<void> {
    await tx.query(`DELETE FROM campaigns.customer_consent WHERE customer_id = $1`, [state.customerId]);
    const latest = new Map<string, CustomerState['consents'][number]>();
    for (const consent of state.consents) {
      const known = latest.get(consent.channel);
      if (!known || known.at <= consent.at) latest.set(consent.channel, consent);
    }
    for (const consent of latest.values()) {
      await tx.query(
        `INSERT INTO campaigns.customer_consent (customer_id, channel, granted, at) VALUES ($1, $2, $3, $4)`,
        [state.customerId, consent.channel, consent.granted, consent.at],
      );
    }
  }
}
