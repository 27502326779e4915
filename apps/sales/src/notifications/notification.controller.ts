import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScoped, Principal, Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { SalesPartnerScopes } from '../partner-scopes';
import { SALES_ROLES } from '../sales.constants';
import { InboxQuery, InboxView, SalesNotificationView } from './dto/sales-notification.dto';
import { NotificationInboxService } from './notification-inbox.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
@Roles(...SALES_ROLES)
export class NotificationController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get()
  @ApiOperation({ summary: "The caller's notifications (guidance, replies, next steps due), unread first" })
  @ApiOkResponse({ type: InboxView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: InboxQuery): Promise<InboxView> {
    return this.inbox.inbox(principal, {
      unreadOnly: query.unread ?? false,
      limit: query.limit,
      offset: query.offset,
    });
  }

  @Post(':id/read')
  @PartnerScoped(SalesPartnerScopes.notification)
  @HttpCode(200)
  @ApiOperation({ summary: "Mark one of the caller's notifications read; another user's is 404" })
  @ApiOkResponse({ type: SalesNotificationView })
  markRead(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<SalesNotificationView> {
    return this.inbox.markRead(principal, id);
  }
}
