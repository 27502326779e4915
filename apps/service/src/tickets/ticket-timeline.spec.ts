import { buildTimeline } from './ticket-timeline';
import { formatTicketNumber, Ticket } from './ticket';
import { TicketHistoryEntry } from './ticket-history.repository';

const agent = { id: 'agent-1', kind: 'user' as const, name: '王丽' };
const station = { id: 'station-user', kind: 'partner' as const, name: '深圳南山站' };
const entry = (step: string, at: string, actor: TicketHistoryEntry['actor'] = agent): TicketHistoryEntry => ({
  step,
  status: 'routed',
  actor,
  stationId: null,
  note: null,
  at,
});

describe(buildTimeline.name, () => {
  const ticket = {
    ticketId: 't',
    ticketNumber: 'T-1',
    status: 'resolved',
    openedAt: '2026-11-24T02:00:00.000Z',
  };
  const history = [
    entry('opened', '2026-11-24T02:00:00.000Z'),
    entry('routed', '2026-11-24T02:00:00.050Z'),
    entry('accepted', '2026-11-24T02:30:00.000Z', station),
    entry('resolved', '2026-11-25T02:00:00.000Z', station),
  ];
  const timeline = buildTimeline(ticket as Ticket, history);

  it('says when each milestone happened, by whom, and how long after the report', () => {
    expect(timeline.reported).toEqual({ at: history[0].at, by: agent, sinceOpenedMs: 0 });
    expect(timeline.accepted).toEqual({ at: history[2].at, by: station, sinceOpenedMs: 30 * 60_000 });
    expect(timeline.resolved?.sinceOpenedMs).toBe(24 * 3_600_000);
    expect(timeline.closed).toBeNull();
  });

  it('says how long each step took', () => {
    expect(timeline.steps.map((s) => s.tookMs)).toEqual([null, 50, 30 * 60_000 - 50, 23.5 * 3_600_000]);
  });

  it('takes the last routing when a ticket was routed twice', () => {
    const rerouted = buildTimeline(ticket as Ticket, [
      ...history,
      entry('routed', '2026-11-26T02:00:00.000Z'),
    ]);
    expect(rerouted.routed?.at).toBe('2026-11-26T02:00:00.000Z');
  });
});

describe(formatTicketNumber.name, () => {
  it('reads the opening day and a zero-padded sequence number', () => {
    expect(formatTicketNumber(new Date('2026-11-24T10:00:00Z'), 123)).toBe('T-20261124-000123');
  });
});
