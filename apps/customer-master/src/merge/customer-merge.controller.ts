import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PartnerScoped, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { Customer } from '../customers/customer';
import { MergeCustomersDto } from './dto/merge-customers.dto';
import { CustomerMergeService } from './customer-merge.service';
import { CustomerResponse } from '../customers/dto/customer.response';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerMergeController {
  constructor(private readonly service: CustomerMergeService) {}

  @Post(':id/merge')
  @HttpCode(200)
  @Roles(R.agent, R.salesManager, R.serviceManager)
  @PartnerScoped('customer')
  @ApiOperation({
    summary: 'Merge a duplicate record into this one (the survivor)',
    description:
      'The survivor keeps its fields and gains the duplicate’s phones, emails, tags, consents it lacks and a missing ' +
      'birthday, address or gender; the duplicate’s vehicles and partner links move over. The duplicate stays ' +
      'readable with status `merged` and `mergedInto`. Publishes customer.merged, customer.updated and one ' +
      'vehicle.ownership-changed per moved vehicle.',
  })
  @ApiOkResponse({ description: 'The survivor after the merge', type: CustomerResponse })
  @ApiBadRequestResponse({ description: 'duplicateId is the survivor itself' })
  @ApiNotFoundResponse({ description: 'The survivor or the duplicate does not exist' })
  @ApiConflictResponse({ description: 'The survivor or the duplicate is merged or erased already' })
  merge(@Param('id', UuidPipe) id: string, @Body() body: MergeCustomersDto): Promise<Customer> {
    return this.service.merge(id, body.duplicateId);
  }
}
