import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  PartnerRegistered,
  PartnerUpdated,
  PartnerState,
  VehicleOwnershipChanged,
  VehicleRegistered,
} from '@crm/contracts';
import { EventOrder, EventSubscriber, eventOrderOf } from '@crm/messaging';
import { READ_MODEL_CONSUMER } from '../call-center.constants';
import { Customer360Invalidator } from './customer-360.invalidator';
import { ErasedCustomerRepository } from './erased-customer.repository';
import { PartnerReplicaRepository } from './partner-replica.repository';
import { VehicleReplicaRepository } from './vehicle-replica.repository';

/** Vehicles and the dealers and stations of the network, as the customer master announces them. */
@Injectable()
export class NetworkEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly vehicles: VehicleReplicaRepository,
    private readonly partners: PartnerReplicaRepository,
    private readonly invalidator: Customer360Invalidator,
    private readonly erased: ErasedCustomerRepository,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(READ_MODEL_CONSUMER, VehicleRegistered, async (event, tx) => {
      if (await this.erased.isErased(tx, event.payload.ownerCustomerId)) return;
      await this.vehicles.upsert(tx, event.payload, eventOrderOf(event));
      this.invalidator.afterCommit(tx, event.payload.ownerCustomerId);
    });
    this.subscriber.on(READ_MODEL_CONSUMER, VehicleOwnershipChanged, async (event, tx) => {
      if (await this.erased.isErased(tx, event.payload.ownerCustomerId)) return;
      await this.vehicles.upsert(tx, event.payload, eventOrderOf(event));
      this.invalidator.afterCommit(tx, event.payload.ownerCustomerId, event.payload.previousOwnerCustomerId);
    });
    this.subscriber.on(READ_MODEL_CONSUMER, PartnerRegistered, (event, tx) =>
      this.upsertPartner(tx, event.payload, eventOrderOf(event)),
    );
    this.subscriber.on(READ_MODEL_CONSUMER, PartnerUpdated, (event, tx) =>
      this.upsertPartner(tx, event.payload, eventOrderOf(event)),
    );
  }

  private async upsertPartner(tx: EntityManager, partner: PartnerState, order: EventOrder): Promise<void> {
    await this.partners.upsert(tx, partner, order);
    this.invalidator.afterCommit(tx, ...(await this.vehicles.ownersOfVehiclesSoldBy(tx, partner.partnerId)));
  }
}
