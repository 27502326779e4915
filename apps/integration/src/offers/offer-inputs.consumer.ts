import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased, CustomerMerged, CustomerValueTierChanged, RepairRecorded } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { OfferInputs } from './offer-inputs';

export const OFFER_CONSUMER = 'offer-rules';

/** The events that change what offer rules read: value tiers, service visits, merges and erasures. */
@Injectable()
export class OfferInputsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly inputs: OfferInputs,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(OFFER_CONSUMER, CustomerValueTierChanged, (event, tx) =>
      this.inputs.tierChanged(tx, event.payload),
    );
    this.subscriber.on(OFFER_CONSUMER, RepairRecorded, (event, tx) =>
      this.inputs.serviceVisited(tx, event.payload.customerId, event.payload.repairedAt),
    );
    this.subscriber.on(OFFER_CONSUMER, CustomerMerged, (event, tx) =>
      this.inputs.merged(tx, event.payload.mergedId, event.payload.survivorId),
    );
    this.subscriber.on(OFFER_CONSUMER, CustomerErased, (event, tx) =>
      this.inputs.erased(tx, event.payload.customerId),
    );
  }
}
