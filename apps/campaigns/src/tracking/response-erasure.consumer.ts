import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { CampaignResponseRepository } from './campaign-response.repository';

export const RESPONSE_ERASURE_CONSUMER = 'campaign-response-erasure';

/** An erased person's campaign responses lose their detail (a call's outcome text, the link clicked). */
@Injectable()
export class ResponseErasureConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly responses: CampaignResponseRepository,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(RESPONSE_ERASURE_CONSUMER, CustomerErased, (event, tx) =>
      this.responses.scrubDetails(tx, event.payload.customerId),
    );
  }
}
