import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What a source system's record is called in the CRM: customer, vehicle sale. */
export type ExternalType = 'customer' | 'vehicle-sale';

export interface ExternalKey {
  /** The source system, e.g. `dms:<dealer id>`: external ids are unique only within it. */
  source: string;
  type: ExternalType;
  externalId: string;
}

/** Source system ids mapped to CRM ids: a record already mapped is never registered again. */
@Injectable()
export class ExternalRefRepository {
  constructor(private readonly db: DataSource) {}

  /** Takes the lease on a record's key unless another holder's has not expired; answers whether it did. */
  async lease(key: string, holder: string, seconds: number): Promise<boolean> {
    const taken: unknown[] = await this.db.query(
      `INSERT INTO integration.external_ref_lease (lease_key, holder, held_until)
       VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (lease_key) DO UPDATE SET holder = excluded.holder, held_until = excluded.held_until
         WHERE integration.external_ref_lease.held_until < now()
       RETURNING lease_key`,
      [key, holder, seconds],
    );
    return taken.length > 0;
  }

  async releaseLease(key: string, holder: string): Promise<void> {
    await this.db.query(`DELETE FROM integration.external_ref_lease WHERE lease_key = $1 AND holder = $2`, [
      key,
      holder,
    ]);
  }

  async crmIdOf(key: ExternalKey): Promise<string | null> {
    const rows: { crm_id: string }[] = await this.db.query(
      `SELECT crm_id FROM integration.external_ref WHERE source = $1 AND external_type = $2 AND external_id = $3`,
      [key.source, key.type, key.externalId],
    );
    return rows[0]?.crm_id ?? null;
  }

  async map(key: ExternalKey, crmId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO integration.external_ref (source, external_type, external_id, crm_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [key.source, key.type, key.externalId, crmId],
    );
  }
}
