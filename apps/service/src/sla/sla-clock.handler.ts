import { Injectable, OnModuleInit } from '@nestjs/common';
import { TICKET_STEPS, TicketDomainEvents, ticketEventName } from '../tickets/ticket-domain-events';
import { slaClockOf } from './sla-clock';
import { SlaClockRepository } from './sla-clock.repository';

/** Every step a ticket takes sets its SLA clock, in the step's transaction (ADR 0007). */
@Injectable()
export class SlaClockHandler implements OnModuleInit {
  constructor(
    private readonly events: TicketDomainEvents,
    private readonly clocks: SlaClockRepository,
  ) {}

  onModuleInit(): void {
    for (const step of TICKET_STEPS)
      this.events.on(ticketEventName(step), ({ ticket }, tx) => this.clocks.save(tx, slaClockOf(ticket)));
  }
}
