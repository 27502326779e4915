import { Injectable, OnModuleInit } from '@nestjs/common';
import { ComplaintRecorded } from '@crm/contracts';
import { RequestContext } from '@crm/core';
import { EventSubscriber } from '@crm/messaging';
import { TicketOpeningService } from '../tickets/ticket-opening.service';

/** Complaints the call center records become tickets under the id the agent already quoted. */
@Injectable()
export class ComplaintIntakeConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly opening: TicketOpeningService,
  ) {}

  onModuleInit(): void {
    this.subscriber.on('complaint-intake', ComplaintRecorded, async ({ payload }, tx) => {
      // The event's actor is the agent; the ticket's history names them too.
      RequestContext.setActor(RequestContext.current().actor, payload.agentName ?? undefined);
      await this.opening.openWithin(tx, payload);
    });
  }
}
