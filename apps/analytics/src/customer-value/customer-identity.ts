import { EntityManager } from 'typeorm';
import { ERASED_CUSTOMERS, MERGED_CUSTOMERS } from './customer-value-tables';

/**
 * Erasures and merges come on the customer topic, the facts they change on others, each applied in its own
 * transaction. Side by side, a fact resolved through `currentCustomerId` would miss an uncommitted erasure or merge,
 * and the erasure's or merge's update would miss the uncommitted fact: the fact would keep the person's or the
 * merged-away id. One lock orders them: held shared by every write that resolves ids, exclusively by an erasure or
 * a merge. Both are rare next to the facts, so the facts wait only while one commits.
 */
const CUSTOMER_IDS_LOCK = `hashtext('analytics.customer_ids')`;

/** Before a write that resolves customer ids with `currentCustomerId` (or checks the erased and merged lists). */
export async function resolvingCustomerIds(tx: EntityManager): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock_shared(${CUSTOMER_IDS_LOCK})`);
}

/** First in an erasure or a merge, before it reads or changes anything. */
export async function changingCustomerIds(tx: EntityManager): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${CUSTOMER_IDS_LOCK})`);
}

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
