import { Injectable, OnModuleInit } from '@nestjs/common';
import { PartnerKinds, PartnerRegistered, PartnerUpdated } from '@crm/contracts';
import { EventSubscriber, eventOrderOf } from '@crm/messaging';
import { toDealer } from './dealer';
import { DealerRepository } from './dealer.repository';

const CONSUMER = 'sales-dealers';

/** Keeps the dealers leads are assigned to in step with customer-master's partners. */
@Injectable()
export class DealerReplicaConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly dealers: DealerRepository,
  ) {}

  onModuleInit(): void {
    for (const definition of [PartnerRegistered, PartnerUpdated]) {
      this.subscriber.on(CONSUMER, definition, async (event, tx) => {
        if (event.payload.kind === PartnerKinds.dealer)
          await this.dealers.upsert(tx, toDealer(event.payload), eventOrderOf(event));
      });
    }
  }
}
