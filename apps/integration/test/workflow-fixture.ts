import { randomUUID } from 'node:crypto';
import { TicketSummary } from '@crm/contracts';

/** A ticket.opened payload; `severity` is what the rules under test look at. */
export function openedTicket(overrides: Partial<TicketSummary> = {}): TicketSummary {
  return {
    ticketId: randomUUID(),
    ticketNumber: `T-${Math.floor(Math.random() * 1e6)}`,
    customerId: randomUUID(),
    vehicleId: null,
    vin: null,
    sellingDealerId: null,
    qualityType: 'engine',
    severity: 'critical',
    status: 'new',
    description: 'engine stalls on the highway',
    channel: 'phone',
    stationId: null,
    location: null,
    openedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A rule firing on critical ticket.opened events: a task for service managers and a call to `url`. */
export function criticalTicketRule(url: string, name = 'critical tickets') {
  return {
    name,
    trigger: { event: 'ticket.opened' },
    condition: { all: [{ field: 'severity', op: 'eq', value: 'critical' }] },
    actions: [
      {
        type: 'create-task',
        title: 'Call back about {{ticketNumber}} ({{qualityType}})',
        assignee: { role: 'service_manager' },
        dueInMinutes: 60,
      },
      { type: 'call-subscriber', url },
    ],
  };
}
