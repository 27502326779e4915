import { EntityManager } from 'typeorm';
import { ConflictError } from '@crm/core';
import { CatalogRepository } from './catalog.repository';

/** New line items and quotes offer only what is still sold: a retired trim (or one of a retired model) is a 409. */
export async function assertOffered(
  catalog: CatalogRepository,
  tx: EntityManager,
  trimIds: string[],
  field: string,
): Promise<void> {
  const retired = await catalog.retiredAmong(tx, trimIds);
  if (retired.length > 0)
    throw new ConflictError(
      `no longer offered: ${retired.map((trim) => `${trim.modelName} ${trim.trimName}`).join(', ')}`,
      { field, retiredTrimIds: retired.map((trim) => trim.trimId) },
    );
}
