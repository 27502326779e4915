import { Injectable } from '@nestjs/common';
import { Clock } from '@crm/core';
import { Observable, Subscriber } from 'rxjs';
import { ScreenPopDelivery } from './screen-pop';

/** How long a pop is kept for a stream that reconnects with Last-Event-ID; a later reconnect gets none. */
export const SCREEN_POP_REPLAY_MS = 30_000;
/** A bound on the pops kept, whatever their age. */
const REPLAY_LIMIT = 1_000;

/**
 * The agents' open event streams in this process, and the pops of the last SCREEN_POP_REPLAY_MS (every replica
 * receives every pop, so each keeps the same list): a stream that reconnects naming the last pop it had gets the
 * ones it missed in between, before any new one.
 */
@Injectable()
export class ScreenPopHub {
  private readonly sessions = new Map<string, Set<Subscriber<ScreenPopDelivery>>>();
  private readonly recent: ScreenPopDelivery[] = [];

  constructor(private readonly clock: Clock) {}

  connect(agentId: string, lastEventId?: string): Observable<ScreenPopDelivery> {
    return new Observable<ScreenPopDelivery>((subscriber) => {
      // Replayed and subscribed in one turn of the event loop, so no pop falls between the two.
      if (lastEventId) this.missedSince(lastEventId, agentId).forEach((missed) => subscriber.next(missed));
      const sessions = this.sessions.get(agentId) ?? new Set();
      sessions.add(subscriber);
      this.sessions.set(agentId, sessions);
      return () => {
        sessions.delete(subscriber);
        if (sessions.size === 0) this.sessions.delete(agentId);
      };
    });
  }

  deliver(delivery: ScreenPopDelivery): void {
    this.remember(delivery);
    const targets =
      delivery.agentId === null
        ? [...this.sessions.values()]
        : [this.sessions.get(delivery.agentId) ?? new Set()];
    targets.forEach((sessions) => sessions.forEach((session) => session.next(delivery)));
  }

  private remember(delivery: ScreenPopDelivery): void {
    this.recent.push(delivery);
    const oldest = this.clock.now().getTime() - SCREEN_POP_REPLAY_MS;
    while (this.recent.length > REPLAY_LIMIT || (this.recent[0] && this.recent[0].sentAt < oldest))
      this.recent.shift();
  }

  /** The agent's pops after `lastEventId`: those after it in the list, or if it has aged out, those sent later. */
  private missedSince(lastEventId: string, agentId: string): ScreenPopDelivery[] {
    const oldest = this.clock.now().getTime() - SCREEN_POP_REPLAY_MS;
    const seen = this.recent.findIndex((delivery) => delivery.eventId === lastEventId);
    const sentAt = Number(lastEventId.split('.')[0]);
    const after =
      seen >= 0
        ? this.recent.slice(seen + 1)
        : Number.isFinite(sentAt)
          ? this.recent.filter((delivery) => delivery.sentAt > sentAt)
          : [];
    return after.filter(
      (delivery) => delivery.sentAt >= oldest && (delivery.agentId === null || delivery.agentId === agentId),
    );
  }
}
