import { Module } from '@nestjs/common';
import { ErasedCustomers } from '@crm/messaging';
import { CampaignsMessaging } from '../campaigns-messaging';
import { CAMPAIGNS_SCHEMA } from '../campaigns.constants';
import { SalesTouchpointConsumer } from './sales-touchpoint.consumer';
import { SalesTouchpointService } from './sales-touchpoint.service';
import { TouchpointRepository } from './touchpoint.repository';

/** What campaigns keeps of service visits, leads and test drives: the conversions besides orders (ADR 0046). */
@Module({
  imports: [CampaignsMessaging],
  providers: [
    TouchpointRepository,
    { provide: ErasedCustomers, useValue: new ErasedCustomers(CAMPAIGNS_SCHEMA) },
    SalesTouchpointService,
    SalesTouchpointConsumer,
  ],
  exports: [TouchpointRepository],
})
export class TouchpointsModule {}
