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

  async crmIdOf(key: ExternalKey): Promise<string | null> {
    const rows: { crm_id: string }[] = await this.db.query(
      `SELECT crm_id FROM integration.external_ref WHERE source = $1 AND external_type = $2 AND external_id = $3`,
      [key.source, key.type, key.externalId],
    );
    return rows[0]?.crm_id ?? null;
  }

  /** Records the mapping; a mapping written first by a concurrent request wins, and its id is returned. */
  async map(key: ExternalKey, crmId: string): Promise<string> {
    await this.db.query(
      `INSERT INTO integration.external_ref (source, external_type, external_id, crm_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [key.source, key.type, key.externalId, crmId],
    );
    return (await this.crmIdOf(key)) as string;
  }
}
