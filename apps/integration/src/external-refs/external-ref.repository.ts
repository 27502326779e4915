import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** What a source system's record is called in the CRM: customer, vehicle sale, a DMS's order, invoice, payment, repair. */
export type ExternalType = 'customer' | 'vehicle-sale' | 'order' | 'invoice' | 'payment' | 'repair';

/**
 * What an upsert of a record's content did: a new mapping, other content than last time, or the same; or nothing,
 * the record being cancelled (ADR 0054).
 */
export type ContentOutcome = 'created' | 'updated' | 'unchanged' | 'cancelled';

/** What a cancellation did: cancelled it now, found it cancelled before, or found no such record. */
export type Cancellation =
  | { outcome: 'cancelled' | 'unchanged'; crmId: string; parentId: string | null }
  | { outcome: 'unknown' | 'parent-unknown' };

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

  /** Takes the leases on all these keys, or none of them (another holder's live lease on any of them). */
  async leaseAll(keys: string[], holder: string, seconds: number): Promise<boolean> {
    const taken: { lease_key: string }[] = await this.db.query(
      `INSERT INTO integration.external_ref_lease (lease_key, holder, held_until)
       SELECT k, $2, now() + make_interval(secs => $3) FROM unnest($1::text[]) AS k ORDER BY k
       ON CONFLICT (lease_key) DO UPDATE SET holder = excluded.holder, held_until = excluded.held_until
         WHERE integration.external_ref_lease.held_until < now()
       RETURNING lease_key`,
      [keys, holder, seconds],
    );
    if (taken.length === keys.length) return true;
    await this.releaseLeases(
      taken.map((row) => row.lease_key),
      holder,
    );
    return false;
  }

  async releaseLeases(keys: string[], holder: string): Promise<void> {
    await this.db.query(
      `DELETE FROM integration.external_ref_lease WHERE lease_key = ANY($1::text[]) AND holder = $2`,
      [keys, holder],
    );
  }

  async crmIdOf(key: ExternalKey): Promise<string | null> {
    const rows: { crm_id: string }[] = await this.db.query(
      `SELECT crm_id FROM integration.external_ref WHERE source = $1 AND external_type = $2 AND external_id = $3`,
      [key.source, key.type, key.externalId],
    );
    return rows[0]?.crm_id ?? null;
  }

  /** The CRM ids of many keys in one query, by `refKey` of each key mapped. */
  async crmIdsOf(keys: ExternalKey[]): Promise<Map<string, string>> {
    if (!keys.length) return new Map();
    const rows: { source: string; external_type: string; external_id: string; crm_id: string }[] =
      await this.db.query(
        `SELECT r.source, r.external_type, r.external_id, r.crm_id
           FROM unnest($1::text[], $2::text[], $3::text[]) AS k(source, external_type, external_id)
           JOIN integration.external_ref r USING (source, external_type, external_id)`,
        [keys.map((k) => k.source), keys.map((k) => k.type), keys.map((k) => k.externalId)],
      );
    return new Map(
      rows.map((r) => [
        refKey({ source: r.source, type: r.external_type as ExternalType, externalId: r.external_id }),
        r.crm_id,
      ]),
    );
  }

  /**
   * Maps a record with the hash of its content and the record it belongs to (an invoice's or payment's order): new
   * (mapped to `newId`), changed (the hash replaced) or the same. A cancelled record is left as it is. The row lock
   * of a conflicting insert orders two requests sending the same record, so only one sees it new or changed.
   */
  async upsertContent(
    tx: EntityManager,
    key: ExternalKey,
    newId: string,
    contentHash: string,
    parentId: string | null,
  ): Promise<{ crmId: string; outcome: ContentOutcome }> {
    // The parent is part of the hash; comparing it too fills it in for rows mapped before it was kept.
    const written: { crm_id: string; created: boolean }[] = await tx.query(
      `INSERT INTO integration.external_ref AS r (source, external_type, external_id, crm_id, content_hash,
         parent_crm_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (source, external_type, external_id) DO UPDATE
         SET content_hash = excluded.content_hash, parent_crm_id = excluded.parent_crm_id, updated_at = now()
         WHERE r.cancelled_at IS NULL AND (r.content_hash IS DISTINCT FROM excluded.content_hash
           OR r.parent_crm_id IS DISTINCT FROM excluded.parent_crm_id)
       RETURNING r.crm_id, (r.xmax = 0) AS created`,
      [key.source, key.type, key.externalId, newId, contentHash, parentId],
    );
    if (written.length)
      return { crmId: written[0].crm_id, outcome: written[0].created ? 'created' : 'updated' };
    const [kept]: { crm_id: string; cancelled: boolean }[] = await tx.query(
      `SELECT crm_id, cancelled_at IS NOT NULL AS cancelled FROM integration.external_ref
        WHERE source = $1 AND external_type = $2 AND external_id = $3`,
      [key.source, key.type, key.externalId],
    );
    return { crmId: kept.crm_id, outcome: kept.cancelled ? 'cancelled' : 'unchanged' };
  }

  /**
   * Marks a record cancelled, once: of two requests cancelling it, the row lock lets one update it and the other
   * find it cancelled. A record that `needsParent` (invoice, payment) but was mapped before its parent was kept is
   * left alone (`parent-unknown`): sent again, it is.
   */
  async cancel(tx: EntityManager, key: ExternalKey, at: Date, needsParent: boolean): Promise<Cancellation> {
    const params = [key.source, key.type, key.externalId];
    // An UPDATE answers [rows, count] through TypeORM's driver.
    const [[cancelled]]: [{ crm_id: string; parent_crm_id: string | null }[]] = await tx.query(
      `UPDATE integration.external_ref SET cancelled_at = $4, updated_at = $4
        WHERE source = $1 AND external_type = $2 AND external_id = $3 AND cancelled_at IS NULL
          AND (parent_crm_id IS NOT NULL OR NOT $5)
        RETURNING crm_id, parent_crm_id`,
      [...params, at, needsParent],
    );
    if (cancelled)
      return { outcome: 'cancelled', crmId: cancelled.crm_id, parentId: cancelled.parent_crm_id };
    const [known]: { crm_id: string; parent_crm_id: string | null; cancelled: boolean }[] = await tx.query(
      `SELECT crm_id, parent_crm_id, cancelled_at IS NOT NULL AS cancelled FROM integration.external_ref
        WHERE source = $1 AND external_type = $2 AND external_id = $3`,
      params,
    );
    if (!known) return { outcome: 'unknown' };
    if (!known.cancelled) return { outcome: 'parent-unknown' };
    return { outcome: 'unchanged', crmId: known.crm_id, parentId: known.parent_crm_id };
  }

  /** Maps many records in one statement; a key mapped already keeps its id. */
  async mapMany(mappings: { key: ExternalKey; crmId: string }[]): Promise<void> {
    if (!mappings.length) return;
    await this.db.query(
      `INSERT INTO integration.external_ref (source, external_type, external_id, crm_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) ON CONFLICT DO NOTHING`,
      [
        mappings.map((m) => m.key.source),
        mappings.map((m) => m.key.type),
        mappings.map((m) => m.key.externalId),
        mappings.map((m) => m.crmId),
      ],
    );
  }

  async map(key: ExternalKey, crmId: string, tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(
      `INSERT INTO integration.external_ref (source, external_type, external_id, crm_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [key.source, key.type, key.externalId, crmId],
    );
  }
}

/** A key as one string, e.g. for a map of keys. */
export function refKey(key: ExternalKey): string {
  return JSON.stringify([key.source, key.type, key.externalId]);
}

/** A dealer's or station's DMS as a source: its ids are unique only within that partner's system (ADR 0029). */
export function dmsSource(partnerId: string): string {
  return `dms:${partnerId}`;
}
