import { FixedClock } from '@crm/core';
import { Subscription } from 'rxjs';
import { ScreenPopDelivery } from './screen-pop';
import { SCREEN_POP_REPLAY_MS, ScreenPopHub } from './screen-pop.hub';

describe(ScreenPopHub.name, () => {
  let clock: FixedClock;
  let hub: ScreenPopHub;
  const subscriptions: Subscription[] = [];

  beforeEach(() => {
    clock = new FixedClock(new Date('2026-11-30T08:00:00.000Z'));
    hub = new ScreenPopHub(clock);
  });
  afterEach(() => subscriptions.splice(0).forEach((subscription) => subscription.unsubscribe()));

  const pop = (callId: string, agentId: string | null = 'agent-1'): ScreenPopDelivery => {
    const sentAt = clock.now().getTime();
    return {
      agentId,
      sentAt,
      eventId: `${sentAt}.${callId}`,
      pop: { callId, callerNumber: '13900000000', calledLine: '400', match: { kind: 'none' } },
    };
  };
  const listen = (agentId: string, lastEventId?: string) => {
    const calls: string[] = [];
    subscriptions.push(hub.connect(agentId, lastEventId).subscribe((d) => calls.push(d.pop.callId)));
    return calls;
  };

  it('delivers a pop to every open stream of its agent, and one for nobody in particular to all', () => {
    const [first, second, other] = [listen('agent-1'), listen('agent-1'), listen('agent-2')];
    hub.deliver(pop('call-1'));
    hub.deliver(pop('call-2', null));
    expect({ first, second, other }).toEqual({
      first: ['call-1', 'call-2'],
      second: ['call-1', 'call-2'],
      other: ['call-2'],
    });
  });

  it('gives a stream reconnecting with Last-Event-ID the pops it missed, its own only, before new ones', () => {
    const before = listen('agent-1');
    const seen = pop('call-1');
    hub.deliver(seen);
    subscriptions.shift()?.unsubscribe();
    clock.advance(1_000);
    hub.deliver(pop('call-2'));
    hub.deliver(pop('call-3', 'agent-2'));
    hub.deliver(pop('call-4', null));

    const after = listen('agent-1', seen.eventId);
    hub.deliver(pop('call-5'));

    expect(before).toEqual(['call-1']);
    expect(after).toEqual(['call-2', 'call-4', 'call-5']);
  });

  it('replays nothing older than the window, nor to a stream that names no last event', () => {
    const seen = pop('call-1');
    hub.deliver(seen);
    hub.deliver(pop('call-2'));
    clock.advance(SCREEN_POP_REPLAY_MS + 1);
    hub.deliver(pop('call-3'));
    expect(listen('agent-1', seen.eventId)).toEqual(['call-3']);
    expect(listen('agent-1')).toEqual([]);
  });

  it('replays by time when the last event is no longer (or never was) in this replica’s list', () => {
    const early = pop('call-0');
    clock.advance(10);
    hub.deliver(pop('call-1'));
    expect(listen('agent-1', early.eventId)).toEqual(['call-1']);
    expect(listen('agent-1', 'not-an-event-id')).toEqual([]);
  });
});
