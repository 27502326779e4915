import { EventEnvelope, SYSTEM_ACTOR, TicketSummary } from '@crm/contracts';
import { ticketFactChange } from './ticket-fact-change';

const STATION = '6f1c2d8e-0a4b-4c3d-9e8f-1a2b3c4d5e6f';

function event(
  type: string,
  payload: Record<string, unknown> = {},
): EventEnvelope<TicketSummary & Record<string, unknown>> {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    type,
    version: 1,
    occurredAt: '2026-11-02T09:00:00.000Z',
    producer: 'service',
    aggregateType: 'ticket',
    aggregateId: 'a1e2c3d4-0000-4000-8000-000000000001',
    correlationId: 'c',
    causationId: null,
    actor: SYSTEM_ACTOR,
    payload: {
      ticketId: 'a1e2c3d4-0000-4000-8000-000000000001',
      ticketNumber: 'T-1',
      customerId: 'a1e2c3d4-0000-4000-8000-000000000002',
      vehicleId: null,
      vin: null,
      sellingDealerId: null,
      qualityType: 'engine',
      severity: 'high',
      status: 'accepted',
      description: 'noise',
      channel: 'phone',
      stationId: STATION,
      location: null,
      openedAt: '2026-11-02T08:00:00.000Z',
      ...payload,
    },
  };
}

describe(ticketFactChange.name, () => {
  it('takes an acceptance as the first response and the acceptance, at the event time', () => {
    expect(ticketFactChange(event('ticket.accepted'))).toMatchObject({
      firstResponseAt: '2026-11-02T09:00:00.000Z',
      acceptedAt: '2026-11-02T09:00:00.000Z',
      resolvedAt: null,
      stationId: STATION,
      openedAt: '2026-11-02T08:00:00.000Z',
    });
  });

  it('counts a decline as a first response but not as an acceptance', () => {
    expect(ticketFactChange(event('ticket.declined'))).toMatchObject({
      firstResponseAt: expect.any(String),
      acceptedAt: null,
    });
  });

  it('counts an SLA breach, never a manual escalation', () => {
    expect(ticketFactChange(event('ticket.escalated', { reason: 'resolution-sla-breached' }))).toMatchObject({
      responseBreached: false,
      resolutionBreached: true,
    });
    expect(ticketFactChange(event('ticket.escalated', { reason: 'manual' }))).toMatchObject({
      responseBreached: false,
      resolutionBreached: false,
    });
  });

  it('names a reopen by its event id and a rating by its score', () => {
    expect(ticketFactChange(event('ticket.reopened')).reopenEventId).toBe(
      '11111111-1111-4111-8111-111111111111',
    );
    expect(ticketFactChange(event('ticket.satisfaction-recorded', { score: 4 })).satisfactionScore).toBe(4);
    expect(ticketFactChange(event('ticket.progress-updated'))).toMatchObject({
      reopenEventId: null,
      satisfactionScore: null,
    });
  });
});
