import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PartnerScoped, Roles } from '@crm/auth';
import { PRIVACY_ROLES } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { Customer } from '../customers/customer';
import { CustomerErasureService } from './customer-erasure.service';
import { CustomerResponse } from '../customers/dto/customer.response';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerErasureController {
  constructor(private readonly service: CustomerErasureService) {}

  @Post(':id/erase')
  @HttpCode(200)
  @Roles(...PRIVACY_ROLES)
  @PartnerScoped('customer')
  @ApiOperation({
    summary:
      'Erase a person’s data (PIPL/GDPR right to erasure); idempotent: erasing again answers 200 unchanged',
    description:
      'Overwrites name, phones, emails, address, birthday, gender, tags, owner and consents; the record stays with ' +
      'status `erased` so vehicles and the audit trail keep their owner id. Records merged into it are erased too. ' +
      'Publishes customer.erased once per record; a second call publishes nothing.',
  })
  @ApiOkResponse({ description: 'The anonymized record', type: CustomerResponse })
  @ApiForbiddenResponse({ description: 'Only admins and privacy officers may erase' })
  @ApiNotFoundResponse({ description: 'No such customer' })
  erase(@Param('id', UuidPipe) id: string): Promise<Customer> {
    return this.service.erase(id);
  }
}
