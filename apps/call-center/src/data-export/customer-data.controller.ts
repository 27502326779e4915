import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { PRIVACY_ROLES } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { CallCenterCustomerDataRepository } from './customer-data.repository';

/** The call center's part of a person's data export; the customer master gathers the parts (ADR 0013). */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('privacy/call-center/customers')
export class CallCenterCustomerDataController {
  constructor(private readonly data: CallCenterCustomerDataRepository) {}

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
  @ApiOperation({ summary: 'Everything the call center holds about one customer, table by table' })
  async export(@Param('id', UuidPipe) id: string) {
    return { source: 'call-center', customerId: id, tables: await this.data.export(id) };
  }
}
