import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PartnerState } from '@crm/contracts';

/** Dealers and repair stations by name, so the 360 shows who sold and who repaired. */
@Injectable()
export class PartnerReplicaRepository {
  async upsert(tx: EntityManager, p: PartnerState): Promise<void> {
    await tx.query(
      `INSERT INTO call_center.partner (id, kind, code, name, phone, city) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, code = EXCLUDED.code, name = EXCLUDED.name,
         phone = EXCLUDED.phone, city = EXCLUDED.city`,
      [p.partnerId, p.kind, p.code, p.name, p.phone, p.address.city],
    );
  }
}
