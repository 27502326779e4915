import { Param } from '@nestjs/common';
import { UuidPipe } from '@crm/http';
import { CustomerDataPart, CustomerDataPartController, CustomerDataPartRoute } from '@crm/platform';
import { AnalyticsCustomerDataRepository } from './analytics-customer-data.repository';

/** Analytics' part of a person's data export; the customer master gathers the parts (ADR 0013). */
@CustomerDataPartController('analytics')
export class AnalyticsCustomerDataController {
  constructor(private readonly data: AnalyticsCustomerDataRepository) {}

  @CustomerDataPartRoute(
    'Everything analytics holds about one customer, table by table: profile, value and RFM, orders, paid repairs, vehicles, leads, unsubscribes and merges',
  )
  async export(@Param('id', UuidPipe) id: string): Promise<CustomerDataPart> {
    return { source: 'analytics', customerId: id, tables: await this.data.export(id) };
  }
}
