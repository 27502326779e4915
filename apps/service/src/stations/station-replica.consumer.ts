import { Injectable, OnModuleInit } from '@nestjs/common';
import { PartnerKinds, PartnerRegistered, PartnerUpdated } from '@crm/contracts';
import { EventSubscriber, eventOrderOf } from '@crm/messaging';
import { StationRepository } from './station.repository';

/** Keeps the station replica used for routing in step with customer-master's partners. */
@Injectable()
export class StationReplicaConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly stations: StationRepository,
  ) {}

  onModuleInit(): void {
    for (const definition of [PartnerRegistered, PartnerUpdated]) {
      this.subscriber.on('station-replica', definition, async (event, tx) => {
        if (event.payload.kind === PartnerKinds.repairStation)
          await this.stations.upsert(tx, event.payload, eventOrderOf(event));
      });
    }
  }
}
