import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

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

  /**
   * Runs `work` holding this record's key, so two requests importing the same record run one after the
   * other and the second sees the first's mappings. `work` gets the lock's connection without a
   * transaction: each mapping is kept as soon as it is written, whatever fails after it.
   */
  async whileLocked<T>(key: ExternalKey, work: (db: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    const lockKey = JSON.stringify([key.source, key.type, key.externalId]);
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [lockKey]);
      try {
        return await work(runner.manager);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey]);
      }
    } finally {
      await runner.release();
    }
  }

  async crmIdOf(db: EntityManager, key: ExternalKey): Promise<string | null> {
    const rows: { crm_id: string }[] = await db.query(
      `SELECT crm_id FROM integration.external_ref WHERE source = $1 AND external_type = $2 AND external_id = $3`,
      [key.source, key.type, key.externalId],
    );
    return rows[0]?.crm_id ?? null;
  }

  async map(db: EntityManager, key: ExternalKey, crmId: string): Promise<void> {
    await db.query(
      `INSERT INTO integration.external_ref (source, external_type, external_id, crm_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [key.source, key.type, key.externalId, crmId],
    );
  }
}
