import { Param } from '@nestjs/common';
import { UuidPipe } from '@crm/http';
import { CustomerDataPart, CustomerDataPartController, CustomerDataPartRoute } from '@crm/platform';
import { CallCenterCustomerDataRepository } from './customer-data.repository';

/** The call center's part of a person's data export; the customer master gathers the parts (ADR 0013). */
@CustomerDataPartController('call-center')
export class CallCenterCustomerDataController {
  constructor(private readonly data: CallCenterCustomerDataRepository) {}

  @CustomerDataPartRoute('Everything the call center holds about one customer, table by table')
  async export(@Param('id', UuidPipe) id: string): Promise<CustomerDataPart> {
    return { source: 'call-center', customerId: id, tables: await this.data.export(id) };
  }
}
