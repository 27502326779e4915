import { Ticket } from '../tickets/ticket';
import { slaViewOf } from './sla-clock-view';

const NOW = new Date('2026-11-24T02:30:00.000Z');
const RESPONSE_DUE = '2026-11-24T03:00:00.000Z';
const RESOLUTION_DUE = '2026-11-25T02:00:00.000Z';

function ticket(overrides: Partial<Ticket>): Ticket {
  return {
    status: 'routed',
    responseDueAt: RESPONSE_DUE,
    resolutionDueAt: RESOLUTION_DUE,
    responseBreachedAt: null,
    resolutionBreachedAt: null,
    ...overrides,
  } as Ticket;
}

describe(slaViewOf.name, () => {
  it('counts down both clocks while the station has not answered', () => {
    const view = slaViewOf(ticket({}), NOW);
    expect(view.response).toEqual({
      dueAt: RESPONSE_DUE,
      breachedAt: null,
      state: 'running',
      breached: false,
      remainingMs: 30 * 60_000,
    });
    expect(view.resolution.state).toBe('running');
  });

  it('has no response clock before routing', () => {
    expect(slaViewOf(ticket({ status: 'new', responseDueAt: null }), NOW).response.state).toBe('pending');
  });

  it('meets the response target at acceptance and the resolution target at resolution', () => {
    expect(slaViewOf(ticket({ status: 'accepted' }), NOW).response).toMatchObject({
      state: 'met',
      remainingMs: null,
    });
    expect(slaViewOf(ticket({ status: 'resolved' }), NOW).resolution.state).toBe('met');
  });

  it('calls a clock past due breached before the checker escalates it', () => {
    const late = new Date('2026-11-24T03:00:00.000Z');
    expect(slaViewOf(ticket({}), late).response).toMatchObject({
      state: 'breached',
      breached: true,
      remainingMs: 0,
    });
  });

  it('keeps an escalated target breached after the ticket moved on', () => {
    const view = slaViewOf(ticket({ status: 'resolved', resolutionBreachedAt: RESOLUTION_DUE }), NOW);
    expect(view.resolution).toMatchObject({ state: 'breached', breached: true, breachedAt: RESOLUTION_DUE });
  });
});
