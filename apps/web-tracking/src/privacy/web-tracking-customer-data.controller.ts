import { Param } from '@nestjs/common';
import { UuidPipe } from '@crm/http';
import { CustomerDataPart, CustomerDataPartController, CustomerDataPartRoute } from '@crm/platform';
import { WebTrackingCustomerDataRepository } from './web-tracking-customer-data.repository';

/** web-tracking's part of a person's data export; the customer master gathers the parts (ADR 0013). */
@CustomerDataPartController('web-tracking')
export class WebTrackingCustomerDataController {
  constructor(private readonly data: WebTrackingCustomerDataRepository) {}

  @CustomerDataPartRoute(
    "Everything web-tracking holds about one customer: their linked visitors, page views, browsing profile and the customer master's consent as last seen",
  )
  async export(@Param('id', UuidPipe) id: string): Promise<CustomerDataPart> {
    return { source: 'web-tracking', customerId: id, tables: await this.data.export(id) };
  }
}
