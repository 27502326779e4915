import { Param } from '@nestjs/common';
import { UuidPipe } from '@crm/http';
import { CustomerDataPart, CustomerDataPartController, CustomerDataPartRoute } from '@crm/platform';
import { CustomerDataRepository } from './customer-data.repository';

/** This service's part of a person's data export; the customer master gathers the parts (ADR 0013). */
@CustomerDataPartController('service')
export class CustomerDataController {
  constructor(private readonly data: CustomerDataRepository) {}

  @CustomerDataPartRoute('Everything the service app holds about one customer, table by table')
  async export(@Param('id', UuidPipe) id: string): Promise<CustomerDataPart> {
    return { source: 'service', customerId: id, tables: await this.data.export(id) };
  }
}
