import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ERASED_TEXT, PersonalTraces } from '@crm/messaging';

/** What the customer master holds of a person outside their record, found before the record is anonymized. */
@Injectable()
export class PersonalTracesRepository {
  async traces(tx: EntityManager, customerId: string): Promise<PersonalTraces> {
    const rows: Array<{ id: string | null; value: string | null }> = await tx.query(
      `SELECT NULL::text AS id, unnest(ARRAY[name, name_latin, street, district, postal_code]) AS value
         FROM customer_master.customer WHERE id = $1
       UNION ALL SELECT NULL, unnest(emails) FROM customer_master.customer WHERE id = $1
       UNION ALL SELECT NULL, unnest(search_keys) FROM customer_master.customer WHERE id = $1
       UNION ALL SELECT NULL, e164 FROM customer_master.customer_phone WHERE customer_id = $1
       UNION ALL SELECT NULL, digits FROM customer_master.customer_phone WHERE customer_id = $1
       UNION ALL SELECT id::text, vin FROM customer_master.vehicle WHERE owner_customer_id = $1`,
      [customerId],
    );
    return {
      ids: [customerId, ...rows.flatMap((r) => (r.id ? [r.id] : []))],
      values: rows.map((r) => r.value),
    };
  }

  /**
   * The person's vehicles go with them: a VIN tied to an erased owner still points at the person. The car can be
   * registered again, by VIN, to its next owner.
   */
  async forgetVehicles(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM customer_master.vehicle WHERE owner_customer_id = $1`, [customerId]);
  }

  /** Import rejection reports quote rows of the file: the person's values are overwritten in them. */
  async scrubImportRejections(tx: EntityManager, values: string[]): Promise<void> {
    for (const value of values.filter((v) => v.trim().length >= 3)) {
      await tx.query(
        `UPDATE customer_master.import_job SET rejections = replace(rejections::text, $1, $2)::jsonb
          WHERE strpos(rejections::text, $1) > 0`,
        [JSON.stringify(value).slice(1, -1), ERASED_TEXT],
      );
    }
  }
}
