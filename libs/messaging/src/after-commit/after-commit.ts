import { Logger } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

export type AfterCommitHook = () => void | Promise<void>;

const HOOKS = Symbol('crm:after-commit');
const logger = new Logger('AfterCommit');

/**
 * Runs `hook` once the transaction `tx` belongs to has committed (dropped if it rolls back), whichever code path
 * opened it. Outside a transaction the statement has already committed, so the hook runs at once. Hooks are for
 * effects that may be lost without harm (a wake-up, a cache drop): the committed change does not depend on them.
 */
export function afterCommit(tx: EntityManager, hook: AfterCommitHook): void {
  const runner = tx.queryRunner;
  if (!runner?.isTransactionActive) {
    queueMicrotask(() => void runHooks([hook]));
    return;
  }
  AfterCommitSubscriber.ensureOn(tx.connection);
  const data = runner.data as Record<symbol, AfterCommitHook[] | undefined>;
  (data[HOOKS] ??= []).push(hook);
}

async function runHooks(hooks: AfterCommitHook[]): Promise<void> {
  for (const hook of hooks) {
    try {
      await hook();
    } catch (error) {
      // The change is committed; a lost wake-up is caught by the next poll.
      logger.warn(`after-commit hook failed: ${error}`);
    }
  }
}

/** Hears commits and rollbacks of one data source; registered on it the first time a hook is added. */
class AfterCommitSubscriber implements EntitySubscriberInterface {
  private static readonly registered = new WeakSet<DataSource>();

  static ensureOn(dataSource: DataSource): void {
    if (this.registered.has(dataSource)) return;
    this.registered.add(dataSource);
    dataSource.subscribers.push(new AfterCommitSubscriber());
  }

  // TypeORM awaits this before the commit call returns, so a cache dropped here is gone by the
  // time the committing caller (e.g. a consumer acknowledging its event) moves on.
  async afterTransactionCommit({ queryRunner }: { queryRunner: QueryRunner }): Promise<void> {
    // A released savepoint also reports a commit: wait for the outermost one.
    if (queryRunner.isTransactionActive) return;
    const hooks = take(queryRunner);
    if (hooks.length > 0) await runHooks(hooks);
  }

  afterTransactionRollback({ queryRunner }: { queryRunner: QueryRunner }): void {
    if (!queryRunner.isTransactionActive) take(queryRunner);
  }
}

function take(runner: QueryRunner): AfterCommitHook[] {
  const data = runner.data as Record<symbol, AfterCommitHook[] | undefined>;
  const hooks = data[HOOKS] ?? [];
  delete data[HOOKS];
  return hooks;
}
