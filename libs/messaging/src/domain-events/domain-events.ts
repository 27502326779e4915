import { EntityManager } from 'typeorm';

/** A reaction to a domain event, run in the transaction that raised it: its writes commit or roll back with it. */
export type DomainEventHandler<E> = (event: E, tx: EntityManager) => Promise<void> | void;

/**
 * In-process domain events of one concept, typed by a map of event name to payload. A state change raises them in
 * its transaction; side concerns register handlers, so the concept that raises them knows none of its reactions.
 * Handlers run one after another in registration order; the first that fails fails the raise, and so the
 * transaction. An event raised by a handler waits until the current event's handlers are done, so every reaction
 * sees events in the order they happened. These never leave the process: integration events (libs/contracts) go
 * through the outbox.
 */
export class DomainEvents<M extends object> {
  private readonly handlers = new Map<keyof M, DomainEventHandler<never>[]>();
  private readonly queues = new WeakMap<EntityManager, (() => Promise<void>)[]>();

  on<K extends keyof M>(name: K, handler: DomainEventHandler<M[K]>): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler as DomainEventHandler<never>]);
  }

  /** Resolves once the event and every event its handlers raised are handled (or at once, if raised by a handler). */
  async raise<K extends keyof M>(tx: EntityManager, name: K, event: M[K]): Promise<void> {
    const dispatch = () => this.dispatch(tx, name, event);
    const raising = this.queues.get(tx);
    if (raising) {
      raising.push(dispatch);
      return;
    }
    const queue = [dispatch];
    this.queues.set(tx, queue);
    try {
      for (let next = queue.shift(); next; next = queue.shift()) await next();
    } finally {
      this.queues.delete(tx);
    }
  }

  private async dispatch<K extends keyof M>(tx: EntityManager, name: K, event: M[K]): Promise<void> {
    for (const handler of (this.handlers.get(name) ?? []) as DomainEventHandler<M[K]>[])
      await handler(event, tx);
  }

  handlerCount(name: keyof M): number {
    return this.handlers.get(name)?.length ?? 0;
  }
}
