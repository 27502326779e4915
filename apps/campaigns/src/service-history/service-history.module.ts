import { Module } from '@nestjs/common';
import { ErasedCustomers } from '@crm/messaging';
import { CampaignsMessaging } from '../campaigns-messaging';
import { CAMPAIGNS_SCHEMA } from '../campaigns.constants';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { ServiceEventsConsumer } from './service-events.consumer';
import { ServiceHistoryRepository } from './service-history.repository';
import { ServiceHistoryService } from './service-history.service';

/** What campaigns keeps of each customer's service history: segments on last service and satisfaction. */
@Module({
  imports: [CampaignsMessaging, TouchpointsModule],
  providers: [
    ServiceHistoryRepository,
    { provide: ErasedCustomers, useValue: new ErasedCustomers(CAMPAIGNS_SCHEMA) },
    ServiceHistoryService,
    ServiceEventsConsumer,
  ],
})
export class ServiceHistoryModule {}
