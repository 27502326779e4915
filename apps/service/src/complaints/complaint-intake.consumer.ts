import { Injectable, OnModuleInit } from '@nestjs/common';
import { ComplaintRecorded } from '@crm/contracts';
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
      await this.opening.openWithin(tx, payload);
    });
  }
}
