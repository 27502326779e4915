import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { CALL_CENTER_ROLES } from '../call-center.constants';
import { Customer360 } from './customer-360';
import { Customer360Service } from './customer-360.service';
import { Customer360Response } from './dto/customer-360.response';

@ApiTags('customer 360')
@ApiBearerAuth()
@Controller('customers/:id/360')
export class Customer360Controller {
  constructor(private readonly service: Customer360Service) {}

  @Get()
  @Roles(...CALL_CENTER_ROLES)
  @ApiOperation({
    summary:
      'Profile, consent, vehicles with warranty, repair history, tickets, recent interactions and the next best offer',
    description:
      'One call from the call center’s own copy; cached, and refreshed by any event about the customer.',
  })
  @ApiNotFoundResponse({ description: 'The call center has no such customer' })
  @ApiOkResponse({ type: Customer360Response })
  get(@Param('id', UuidPipe) id: string): Promise<Customer360> {
    return this.service.get(id);
  }
}
