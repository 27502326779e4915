import { DataSource } from 'typeorm';
import { eventually } from './eventually';

/**
 * Resolves once `work` has finished or is waiting for an advisory lock: the moment to commit the transaction it
 * races, in a test that two transactions side by side cannot each miss the other's rows.
 */
export async function finishedOrWaitingForLock(
  dataSource: DataSource,
  work: Promise<unknown>,
): Promise<void> {
  let finished = false;
  void work.then(
    () => (finished = true),
    () => (finished = true),
  );
  await eventually(async () => {
    const [row] = await dataSource.query(
      `SELECT count(*) > 0 AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
    );
    expect(finished || row.waiting).toBe(true);
  });
}
