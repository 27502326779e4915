import { Module } from '@nestjs/common';
import { ServiceMessaging } from '../service-messaging';
import { TicketsModule } from '../tickets/tickets.module';
import { SlaBreachRepository } from './sla-breach.repository';
import { SlaCheckTimer } from './sla-check.timer';
import { SlaChecker } from './sla-checker';

/** SLA escalation: tickets past a due time are escalated, once per breached target. */
@Module({
  imports: [ServiceMessaging, TicketsModule],
  providers: [SlaBreachRepository, SlaChecker, SlaCheckTimer],
  exports: [SlaChecker],
})
export class SlaModule {}
