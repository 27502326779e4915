import { Module } from '@nestjs/common';
import { ErasedCustomers } from '@crm/messaging';
import { CampaignsMessaging } from '../campaigns-messaging';
import { CAMPAIGNS_SCHEMA } from '../campaigns.constants';
import { BrowsingProfileConsumer } from './browsing-profile.consumer';
import { BrowsingProfileReplicaRepository } from './browsing-profile-replica.repository';
import { CustomerEventsConsumer } from './customer-events.consumer';
import { CustomerReplicaRepository } from './customer-replica.repository';
import { CustomerReplicaService } from './customer-replica.service';
import { ValueTierConsumer } from './value-tier.consumer';
import { ValueTierReplicaRepository } from './value-tier-replica.repository';
import { VehicleReplicaRepository } from './vehicle-replica.repository';

/** What campaigns keeps of customers and their vehicles from the customer master: what segments select from. */
@Module({
  imports: [CampaignsMessaging],
  providers: [
    CustomerReplicaRepository,
    VehicleReplicaRepository,
    { provide: ErasedCustomers, useValue: new ErasedCustomers(CAMPAIGNS_SCHEMA) },
    CustomerReplicaService,
    CustomerEventsConsumer,
    ValueTierReplicaRepository,
    ValueTierConsumer,
    BrowsingProfileReplicaRepository,
    BrowsingProfileConsumer,
  ],
})
export class CustomersModule {}
