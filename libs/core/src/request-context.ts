import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Actor, SYSTEM_ACTOR } from '@crm/contracts';

/** Who is acting and which conversation this work belongs to; carried into every event and log line. */
export interface RequestContextData {
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  /** The actor's display name when known (a signed-in user's, from the token): for what an app records, not for events. */
  actorName?: string;
  traceparent?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  run<T>(context: RequestContextData, work: () => T): T {
    return storage.run(context, work);
  },
  /** The context of the work in progress, if any (log lines outside one carry no correlation id). */
  peek(): RequestContextData | undefined {
    return storage.getStore();
  },
  current(): RequestContextData {
    return storage.getStore() ?? { correlationId: randomUUID(), causationId: null, actor: SYSTEM_ACTOR };
  },
  /** Replaces the actor for the rest of the current request (set once authentication has run). */
  setActor(actor: Actor, name?: string): void {
    const store = storage.getStore();
    if (!store) return;
    store.actor = actor;
    store.actorName = name;
  },
};
