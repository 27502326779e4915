import { Module } from '@nestjs/common';
import { ServiceMessaging } from '../service-messaging';
import { TicketsModule } from '../tickets/tickets.module';
import { SlaCheckTimer } from './sla-check.timer';
import { SlaChecker } from './sla-checker';
import { SlaClockHandler } from './sla-clock.handler';
import { SlaClockRepository } from './sla-clock.repository';
import { RequestedEscalation } from './requested-escalation';
import { RequestedEscalationConsumer } from './requested-escalation.consumer';

/**
 * SLA escalation: every ticket step sets the ticket's SLA clock (a domain-event handler); tickets
 * past a due time on their clock are escalated, once per breached target; workflow rules may ask for an escalation
 * (ADR 0043).
 */
@Module({
  imports: [ServiceMessaging, TicketsModule],
  providers: [
    SlaClockRepository,
    SlaClockHandler,
    SlaChecker,
    SlaCheckTimer,
    RequestedEscalation,
    RequestedEscalationConsumer,
  ],
  exports: [SlaChecker],
})
export class SlaModule {}
