import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { PRIVACY_ROLES } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { CustomerDataRepository } from './customer-data.repository';

/** This service's part of a person's data export; the customer master gathers the parts (ADR 0013). */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('privacy/service/customers')
export class CustomerDataController {
  constructor(private readonly data: CustomerDataRepository) {}

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
  @ApiOperation({ summary: 'Everything the service app holds about one customer, table by table' })
  async export(@Param('id', UuidPipe) id: string) {
    return { source: 'service', customerId: id, tables: await this.data.export(id) };
  }
}
