import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { PRIVACY_ROLES } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { SalesCustomerDataRepository } from './customer-data.repository';

/** Sales's part of a person's data export; the customer master gathers the parts (ADR 0013). */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('privacy/sales/customers')
export class SalesCustomerDataController {
  constructor(private readonly data: SalesCustomerDataRepository) {}

  @Get(':id/export')
  @ApiOkResponse({
    description: 'The part: every table of this service with its rows about the customer',
    schema: {
      type: 'object',
      properties: {
        source: { type: 'string' },
        customerId: { type: 'string' },
        tables: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object' } } },
      },
    },
  })
  @Roles(...PRIVACY_ROLES)
  @ApiOperation({
    summary:
      'Everything sales holds about one customer, table by table: replica, leads (also those with their phone or email), opportunities, activities, reads',
  })
  async export(@Param('id', UuidPipe) id: string) {
    return { source: 'sales', customerId: id, tables: await this.data.export(id) };
  }
}
