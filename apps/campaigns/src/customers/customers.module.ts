import { Module } from '@nestjs/common';
import { CampaignsMessaging } from '../campaigns-messaging';
import { CustomerEventsConsumer } from './customer-events.consumer';
import { CustomerReplicaRepository } from './customer-replica.repository';
import { CustomerReplicaService } from './customer-replica.service';
import { ErasedCustomerRepository } from './erased-customer.repository';
import { VehicleReplicaRepository } from './vehicle-replica.repository';

/** What campaigns keeps of customers and their vehicles from the customer master: what segments select from. */
@Module({
  imports: [CampaignsMessaging],
  providers: [
    CustomerReplicaRepository,
    VehicleReplicaRepository,
    ErasedCustomerRepository,
    CustomerReplicaService,
    CustomerEventsConsumer,
  ],
})
export class CustomersModule {}
