import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PartnerState } from '@crm/contracts';

/** Dealers and repair stations by name, so the 360 shows who sold and who repaired. */
@Injectable()
export class PartnerReplicaRepository {
  /** Only a newer event (by the envelope's occurredAt) overwrites: a replay or a late event never brings back older state. */
  async upsert(tx: EntityManager, p: PartnerState, occurredAt: string): Promise<void> {
    await tx.query(
      `INSERT INTO call_center.partner (id, kind, code, name, phone, city, source_occurred_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, code = EXCLUDED.code, name = EXCLUDED.name,
         phone = EXCLUDED.phone, city = EXCLUDED.city, source_occurred_at = EXCLUDED.source_occurred_at
       WHERE call_center.partner.source_occurred_at IS NULL
          OR call_center.partner.source_occurred_at <= EXCLUDED.source_occurred_at`,
      [p.partnerId, p.kind, p.code, p.name, p.phone, p.address.city, occurredAt],
    );
  }
}
