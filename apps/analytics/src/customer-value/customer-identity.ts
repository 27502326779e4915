import { ERASED_CUSTOMERS, MERGED_CUSTOMERS } from './customer-value-tables';

/**
 * The id a fact about `param` is kept under: the survivor's when the customer was merged away (ADR 0036), null
 * when the person (or the survivor) was erased (ADR 0027). Both lists outlive rebuilds, so an event about the
 * person that arrives late, or in a replay, lands where the earlier ones went.
 */
export function currentCustomerId(param: string): string {
  const resolved = `coalesce((SELECT survivor_id FROM ${MERGED_CUSTOMERS} WHERE merged_id = ${param}::uuid), ${param}::uuid)`;
  return `CASE WHEN EXISTS (SELECT 1 FROM ${ERASED_CUSTOMERS} WHERE customer_id IN (${param}::uuid, ${resolved}))
    THEN NULL ELSE ${resolved} END`;
}
