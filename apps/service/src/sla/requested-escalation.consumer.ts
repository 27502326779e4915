import { Injectable, OnModuleInit } from '@nestjs/common';
import { TicketEscalationRequested } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { RequestedEscalation } from './requested-escalation';

export const REQUESTED_ESCALATION_CONSUMER = 'workflow-ticket-escalations';

/** Workflow rules' escalate-ticket commands, applied here because the service app owns tickets. */
@Injectable()
export class RequestedEscalationConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly escalation: RequestedEscalation,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(REQUESTED_ESCALATION_CONSUMER, TicketEscalationRequested, async ({ payload }, tx) => {
      await this.escalation.escalate(tx, payload.ticketId, payload.note);
    });
  }
}
