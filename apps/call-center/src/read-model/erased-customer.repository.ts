import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErasedCustomers, PersonalTraces } from '@crm/messaging';
import { CALL_CENTER_SCHEMA } from '../call-center.constants';

/** Erased customers' tombstones, and what the call center holds of a person, gathered before it is erased. */
@Injectable()
export class ErasedCustomerRepository extends ErasedCustomers {
  constructor() {
    super(CALL_CENTER_SCHEMA);
  }

  async traces(tx: EntityManager, customerId: string): Promise<PersonalTraces> {
    const rows: Array<{ id: string | null; value: string | null }> = await tx.query(
      `SELECT NULL::text AS id, name AS value FROM call_center.customer WHERE id = $1
       UNION ALL SELECT NULL, name_latin FROM call_center.customer WHERE id = $1
       UNION ALL SELECT NULL, unnest(emails) FROM call_center.customer WHERE id = $1
       UNION ALL SELECT NULL, e164 FROM call_center.customer_phone WHERE customer_id = $1
       UNION ALL SELECT NULL, digits FROM call_center.customer_phone WHERE customer_id = $1
       UNION ALL SELECT id::text, vin FROM call_center.vehicle WHERE owner_customer_id = $1
       UNION ALL SELECT id::text, description FROM call_center.ticket WHERE customer_id = $1
       UNION ALL SELECT id::text, work_done FROM call_center.repair WHERE customer_id = $1
       UNION ALL SELECT id::text, notes FROM call_center.interaction WHERE customer_id = $1
       UNION ALL SELECT id::text, subject FROM call_center.interaction WHERE customer_id = $1`,
      [customerId],
    );
    return {
      ids: [customerId, ...rows.flatMap((r) => (r.id ? [r.id] : []))],
      values: rows.map((r) => r.value),
    };
  }
}
