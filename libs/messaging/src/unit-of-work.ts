import { DataSource, EntityManager } from 'typeorm';
import { OutboxRelay } from './outbox/outbox-relay';

/** One transaction for a state change and its outbox rows; the relay is woken once it commits. */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.relay.wake();
    return result;
  }
}
