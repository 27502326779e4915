import { Module } from '@nestjs/common';
import { ErasedCustomers } from '@crm/messaging';
import { CampaignsMessaging } from '../campaigns-messaging';
import { CAMPAIGNS_SCHEMA } from '../campaigns.constants';
import { OrderEventsConsumer } from './order-events.consumer';
import { OrderReplicaRepository } from './order-replica.repository';
import { OrderReplicaService } from './order-replica.service';

/** What campaigns keeps of sales' orders: segments on ordered models and order dates. */
@Module({
  imports: [CampaignsMessaging],
  providers: [
    OrderReplicaRepository,
    { provide: ErasedCustomers, useValue: new ErasedCustomers(CAMPAIGNS_SCHEMA) },
    OrderReplicaService,
    OrderEventsConsumer,
  ],
})
export class OrdersModule {}
