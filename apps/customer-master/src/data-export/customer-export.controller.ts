import { Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { CustomerExportService } from './customer-export.service';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('customers')
export class CustomerExportController {
  constructor(private readonly exports: CustomerExportService) {}

  @Get(':id/export')
  @Roles(R.admin)
  @ApiOperation({
    summary: 'Everything every service holds about one person (GDPR Art. 15/20, PIPL Art. 45), audited',
    description:
      'The customer master’s rows plus each service’s part, table by table. A service that does not answer ' +
      'within 5 s fails the whole export with 503 naming it: an export is complete or it is not given.',
  })
  export(@Param('id', UuidPipe) id: string, @Headers('authorization') authorization: string) {
    return this.exports.export(id, authorization);
  }
}
