import { DataSource, EntityManager } from 'typeorm';

/** One transaction for a state change and its outbox rows; the outbox wakes the relay once it commits. */
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
