import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { DevMailboxRepository } from './dev-mailbox.repository';
import { DevMailboxQuery } from './dto/dev-mailbox.query';
import { MailboxPageResponse } from './dto/notification.response';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(private readonly mailbox: DevMailboxRepository) {}

  @Get()
  @Roles(R.admin)
  @ApiOperation({
    summary:
      'Email and SMS the customers would have received, kept here while no SMTP_URL / SMS_GATEWAY_URL is set',
  })
  @ApiOkResponse({ type: MailboxPageResponse })
  async list(@Query() query: DevMailboxQuery) {
    return { items: await this.mailbox.list(query), limit: query.limit, offset: query.offset };
  }
}
