import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { CALL_CENTER_WRITERS } from '../call-center.constants';
import { agentOf } from '../interactions/interaction';
import { ComplaintIntakeService, ComplaintReceipt } from './complaint-intake.service';
import { ComplaintReceiptDto, RecordComplaintDto } from './dto/record-complaint.dto';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('customers/:id/complaints')
export class ComplaintController {
  constructor(private readonly service: ComplaintIntakeService) {}

  @Post()
  @Roles(...CALL_CENTER_WRITERS)
  @ApiOperation({
    summary: 'Record a complaint; answers at once with the id of the ticket the service app will open',
  })
  @ApiCreatedResponse({ type: ComplaintReceiptDto })
  @ApiNotFoundResponse({ description: 'The call center has no such customer' })
  record(
    @Param('id', UuidPipe) customerId: string,
    @Body() body: RecordComplaintDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ComplaintReceipt> {
    return this.service.record(customerId, agentOf(principal), body);
  }
}
