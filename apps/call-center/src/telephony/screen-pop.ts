import { LookupHit } from '../lookup/lookup-hit';

export type CallerMatch =
  | { kind: 'customer'; customer: LookupHit }
  | { kind: 'candidates'; candidates: LookupHit[] }
  | { kind: 'none' };

/** What the agent's screen shows as the phone rings. */
export interface ScreenPop {
  callId: string;
  callerNumber: string;
  calledLine: string;
  match: CallerMatch;
}

/**
 * A pop addressed to one agent, or to every connected agent when the switch names nobody. `eventId` is its SSE
 * `id`, `<sentAt ms>.<random>`, which a reconnecting stream sends back as Last-Event-ID.
 */
export interface ScreenPopDelivery {
  agentId: string | null;
  pop: ScreenPop;
  eventId: string;
  sentAt: number;
}
