import { EntityManager } from 'typeorm';

/** Runs one row's writes so that a failing row is undone alone and the rest of its batch commits. */
export async function inSavepoint<T>(tx: EntityManager, work: () => Promise<T>): Promise<T> {
  await tx.query('SAVEPOINT import_row');
  try {
    const result = await work();
    await tx.query('RELEASE SAVEPOINT import_row');
    return result;
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT import_row');
    throw error;
  }
}
