import { Injectable } from '@nestjs/common';
import { Observable, Subscriber } from 'rxjs';
import { ScreenPop, ScreenPopDelivery } from './screen-pop';

/** The agents' open event streams in this process. */
@Injectable()
export class ScreenPopHub {
  private readonly sessions = new Map<string, Set<Subscriber<ScreenPop>>>();

  connect(agentId: string): Observable<ScreenPop> {
    return new Observable<ScreenPop>((subscriber) => {
      const sessions = this.sessions.get(agentId) ?? new Set();
      sessions.add(subscriber);
      this.sessions.set(agentId, sessions);
      return () => {
        sessions.delete(subscriber);
        if (sessions.size === 0) this.sessions.delete(agentId);
      };
    });
  }

  deliver({ agentId, pop }: ScreenPopDelivery): void {
    const targets =
      agentId === null ? [...this.sessions.values()] : [this.sessions.get(agentId) ?? new Set()];
    targets.forEach((sessions) => sessions.forEach((session) => session.next(pop)));
  }
}
