import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@crm/platform';
import { AnalyticsMessaging } from '../analytics-messaging';
import { CustomerValueController } from './customer-value.controller';
import { DealerCustomerValueController } from './dealer-customer-value.controller';
import { CustomerValueRecompute } from './customer-value-recompute';
import { CustomerValueRecomputeLoop } from './customer-value-recompute.loop';
import { CUSTOMER_VALUE_SETTINGS, customerValueSettings } from './customer-value-settings';
import { CustomerValueRepository } from './customer-value.repository';
import { CustomerValueService } from './customer-value.service';

/** Customer value (ADR 0027): the recompute (scheduled and on demand), its tier events and its reports. */
@Module({
  imports: [AnalyticsMessaging],
  controllers: [CustomerValueController, DealerCustomerValueController],
  providers: [
    { provide: CUSTOMER_VALUE_SETTINGS, inject: [PLATFORM_CONFIG], useFactory: customerValueSettings },
    CustomerValueRecompute,
    CustomerValueRecomputeLoop,
    CustomerValueRepository,
    CustomerValueService,
  ],
  exports: [CUSTOMER_VALUE_SETTINGS, CustomerValueRepository],
})
export class CustomerValueModule {}
