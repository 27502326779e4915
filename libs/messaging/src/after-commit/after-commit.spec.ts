import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { afterCommit } from './after-commit';

/** A transaction as TypeORM reports it to subscribers, without a database. */
function fakeTransaction() {
  const dataSource = { subscribers: [] } as unknown as DataSource;
  const runner = { data: {}, isTransactionActive: true, connection: dataSource } as unknown as QueryRunner;
  const tx = { queryRunner: runner, connection: dataSource } as unknown as EntityManager;
  const broadcast = (kind: 'afterTransactionCommit' | 'afterTransactionRollback') => {
    for (const subscriber of dataSource.subscribers) subscriber[kind]?.({ queryRunner: runner } as never);
  };
  const end = (kind: 'afterTransactionCommit' | 'afterTransactionRollback', nested = false) => {
    (runner as { isTransactionActive: boolean }).isTransactionActive = nested;
    broadcast(kind);
  };
  return {
    dataSource,
    tx,
    commit: (nested = false) => end('afterTransactionCommit', nested),
    rollback: () => end('afterTransactionRollback'),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe(afterCommit.name, () => {
  it('runs hooks once the transaction commits, not before', async () => {
    const { tx, commit } = fakeTransaction();
    const hook = jest.fn();
    afterCommit(tx, hook);
    await settle();
    expect(hook).not.toHaveBeenCalled();
    commit();
    await settle();
    expect(hook).toHaveBeenCalledTimes(1);
  });

  it('waits for the outermost commit when a savepoint is released', async () => {
    const { tx, commit } = fakeTransaction();
    const hook = jest.fn();
    afterCommit(tx, hook);
    commit(true);
    await settle();
    expect(hook).not.toHaveBeenCalled();
    commit();
    await settle();
    expect(hook).toHaveBeenCalledTimes(1);
  });

  it('drops hooks when the transaction rolls back', async () => {
    const { tx, rollback, commit } = fakeTransaction();
    const hook = jest.fn();
    afterCommit(tx, hook);
    rollback();
    commit();
    await settle();
    expect(hook).not.toHaveBeenCalled();
  });

  it('hears a data source once however many hooks are added', () => {
    const { dataSource, tx } = fakeTransaction();
    afterCommit(tx, jest.fn());
    afterCommit(tx, jest.fn());
    expect(dataSource.subscribers).toHaveLength(1);
  });

  it('runs at once outside a transaction, where the write has already committed', async () => {
    const hook = jest.fn();
    afterCommit({} as EntityManager, hook);
    await settle();
    expect(hook).toHaveBeenCalledTimes(1);
  });
});
