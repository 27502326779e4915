import { Param } from '@nestjs/common';
import { UuidPipe } from '@crm/http';
import { CustomerDataPart, CustomerDataPartController, CustomerDataPartRoute } from '@crm/platform';
import { SalesCustomerDataRepository } from './customer-data.repository';

/** Sales's part of a person's data export; the customer master gathers the parts (ADR 0013). */
@CustomerDataPartController('sales')
export class SalesCustomerDataController {
  constructor(private readonly data: SalesCustomerDataRepository) {}

  @CustomerDataPartRoute(
    'Everything sales holds about one customer, table by table: replica, leads (also those with their phone or email), opportunities, activities, reads',
  )
  async export(@Param('id', UuidPipe) id: string): Promise<CustomerDataPart> {
    return { source: 'sales', customerId: id, tables: await this.data.export(id) };
  }
}
