import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PartnerState } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';

const NEWER = excludedEventIsNewerSql('call_center.partner', {
  sequence: 'source_sequence',
  occurredAt: 'source_occurred_at',
});

/** Dealers and repair stations by name, so the 360 shows who sold and who repaired. */
@Injectable()
export class PartnerReplicaRepository {
  /** Only a newer event (ADR 0021) overwrites: a replay or a late event never brings back older state. */
  async upsert(tx: EntityManager, p: PartnerState, order: EventOrder): Promise<void> {
    await tx.query(
      `INSERT INTO call_center.partner (id, kind, code, name, phone, city, source_occurred_at, source_sequence)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, code = EXCLUDED.code, name = EXCLUDED.name,
         phone = EXCLUDED.phone, city = EXCLUDED.city, source_occurred_at = EXCLUDED.source_occurred_at,
         source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER}`,
      [p.partnerId, p.kind, p.code, p.name, p.phone, p.address.city, order.occurredAt, order.sequence],
    );
  }
}
