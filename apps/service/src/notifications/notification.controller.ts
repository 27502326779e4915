import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { STAFF_ROLES } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { TicketQueryService } from '../tickets/ticket-query.service';
import { NotificationQueryRepository } from './notification-query.repository';
import { CustomerNotificationsResponse } from './dto/notification.response';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('tickets')
export class NotificationController {
  constructor(
    private readonly notifications: NotificationQueryRepository,
    private readonly tickets: TicketQueryService,
  ) {}

  @Get(':id/notifications')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'What the customer was told about the ticket, by email and SMS: sent, pending, failed or skipped (why)',
  })
  @ApiOkResponse({ type: CustomerNotificationsResponse })
  async list(@Param('id', UuidPipe) id: string) {
    await this.tickets.get(id);
    return { items: await this.notifications.forTicket(id) };
  }
}
