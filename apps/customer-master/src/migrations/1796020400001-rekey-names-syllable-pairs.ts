import { MigrationInterface, QueryRunner } from 'typeorm';
import { nameSearchKeys } from '@crm/search-keys';

const BATCH = 500;

/** Data backfill: name keys now carry pinyin syllable pairs (ouyang, xiaolong); recompute them for existing rows. */
export class RekeyCustomerMasterNames1796020400001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; name: string }[] = await db.query(
        `SELECT id, name FROM customer_master.customer WHERE id > $1 AND status <> 'erased' ORDER BY id LIMIT $2`,
        [after, BATCH],
      );
      if (rows.length === 0) return;
      const keyed = rows.map((row) => ({ id: row.id, keys: nameSearchKeys(row.name) }));
      await db.query(
        `UPDATE customer_master.customer c SET search_keys = ARRAY(SELECT jsonb_array_elements_text(k.keys))
           FROM jsonb_to_recordset($1::jsonb) AS k(id uuid, keys jsonb) WHERE c.id = k.id`,
        [JSON.stringify(keyed)],
      );
      after = rows[rows.length - 1].id;
    }
  }

  async down(): Promise<void> {
    // The extra keys are harmless to the code before them; nothing to undo.
  }
}
