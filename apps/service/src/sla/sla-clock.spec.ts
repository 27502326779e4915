import { Ticket } from '../tickets/ticket';
import { isOverdue, slaClockOf } from './sla-clock';

const RESPONSE_DUE = '2026-11-24T03:00:00.000Z';
const RESOLUTION_DUE = '2026-11-25T02:00:00.000Z';

function ticket(overrides: Partial<Ticket>): Ticket {
  return {
    ticketId: 't1',
    status: 'new',
    responseDueAt: null,
    resolutionDueAt: RESOLUTION_DUE,
    responseBreachedAt: null,
    resolutionBreachedAt: null,
    ...overrides,
  } as Ticket;
}

describe(slaClockOf.name, () => {
  it('runs the resolution clock from opening', () => {
    expect(slaClockOf(ticket({ status: 'new' }))).toEqual({
      ticketId: 't1',
      response: null,
      resolution: RESOLUTION_DUE,
    });
  });

  it('runs the response clock while a station has the ticket without answering', () => {
    expect(slaClockOf(ticket({ status: 'routed', responseDueAt: RESPONSE_DUE })).response).toBe(RESPONSE_DUE);
    expect(slaClockOf(ticket({ status: 'accepted', responseDueAt: RESPONSE_DUE })).response).toBeNull();
  });

  it('stops a clock once its target was breached, so it escalates once', () => {
    const breached = ticket({
      status: 'routed',
      responseDueAt: RESPONSE_DUE,
      responseBreachedAt: '2026-11-24T03:01:00.000Z',
    });
    expect(slaClockOf(breached)).toEqual({ ticketId: 't1', response: null, resolution: RESOLUTION_DUE });
  });

  it('stops the resolution clock when the ticket is resolved or closed', () => {
    expect(slaClockOf(ticket({ status: 'resolved' })).resolution).toBeNull();
    expect(slaClockOf(ticket({ status: 'closed' })).resolution).toBeNull();
  });
});

describe(isOverdue.name, () => {
  const clock = { ticketId: 't1', response: RESPONSE_DUE, resolution: null };

  it('is overdue from the due time on, for a running clock only', () => {
    expect(isOverdue(clock, 'response', new Date('2026-11-24T02:59:59.999Z'))).toBe(false);
    expect(isOverdue(clock, 'response', new Date(RESPONSE_DUE))).toBe(true);
    expect(isOverdue(clock, 'resolution', new Date('2030-01-01T00:00:00Z'))).toBe(false);
    expect(isOverdue(null, 'response', new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});
