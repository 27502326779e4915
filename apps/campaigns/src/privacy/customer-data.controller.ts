import { Param } from '@nestjs/common';
import { UuidPipe } from '@crm/http';
import { CustomerDataPart, CustomerDataPartController, CustomerDataPartRoute } from '@crm/platform';
import { CampaignsCustomerDataRepository } from './customer-data.repository';

/** Campaigns' part of a person's data export; the customer master gathers the parts (ADR 0013). */
@CustomerDataPartController('campaigns')
export class CampaignsCustomerDataController {
  constructor(private readonly data: CampaignsCustomerDataRepository) {}

  @CustomerDataPartRoute(
    'Everything campaigns holds about one customer, table by table: the replica, their consents, vehicles, orders, service history, static-list memberships, and who saw them in a segment preview',
  )
  async export(@Param('id', UuidPipe) id: string): Promise<CustomerDataPart> {
    return { source: 'campaigns', customerId: id, tables: await this.data.export(id) };
  }
}
