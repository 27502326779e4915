import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

type Hook = () => Promise<void>;

/**
 * Runs work once the transaction of an event handler has committed, such as dropping a cached
 * view: dropped earlier, a concurrent reader could cache the old rows again before the commit.
 */
@Injectable()
export class AfterCommitHooks implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger(AfterCommitHooks.name);
  private readonly pending = new WeakMap<QueryRunner, Hook[]>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  add(tx: EntityManager, hook: Hook): void {
    const runner = tx.queryRunner;
    if (!runner) throw new Error('after-commit hooks need a transaction');
    this.pending.set(runner, [...(this.pending.get(runner) ?? []), hook]);
  }

  async afterTransactionCommit({ queryRunner }: { queryRunner: QueryRunner }): Promise<void> {
    if (queryRunner.isTransactionActive) return;
    const hooks = this.pending.get(queryRunner) ?? [];
    this.pending.delete(queryRunner);
    for (const hook of hooks) {
      // The change is committed; a failed cache drop only leaves a view that expires with its TTL.
      await hook().catch((error) => this.logger.warn(`after-commit hook failed: ${error}`));
    }
  }

  afterTransactionRollback({ queryRunner }: { queryRunner: QueryRunner }): void {
    if (!queryRunner.isTransactionActive) this.pending.delete(queryRunner);
  }
}
