import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { STAFF_ROLES } from '@crm/contracts';
import { ApiWebhook, UuidPipe } from '@crm/http';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { TicketRoutedWebhook } from './dto/ticket-routed.webhook';
import { TicketWithdrawnWebhook } from './dto/ticket-withdrawn.webhook';
import { WebhookDeliveriesResponse } from './dto/webhook-delivery.response';
import { ROUTED_WEBHOOK_EVENT, WITHDRAWN_WEBHOOK_EVENT } from './webhook-outbox';

@ApiTags('webhooks')
@ApiWebhook(
  {
    name: ROUTED_WEBHOOK_EVENT,
    summary: 'A ticket was routed to your station',
    description:
      'POSTed to the URL registered with `PUT /stations/{id}/webhook`, signed per Standard Webhooks ' +
      '(see docs/partners/webhooks.md). Retried with backoff until a 2xx; deduplicate on `webhook-id`.',
    payload: TicketRoutedWebhook,
  },
  {
    name: WITHDRAWN_WEBHOOK_EVENT,
    summary: 'A service manager took a ticket from your station and sent it to another',
    description:
      'Sent like `ticket.routed`, to the same URL; stop work on the ticket: the station API answers 404 for it.',
    payload: TicketWithdrawnWebhook,
  },
)
@ApiBearerAuth()
@Controller('tickets')
export class WebhookDeliveryController {
  constructor(private readonly deliveries: WebhookDeliveryRepository) {}

  @Get(':id/webhook-deliveries')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Notifications sent to stations about the ticket, with every attempt' })
  @ApiOkResponse({ type: WebhookDeliveriesResponse })
  async list(@Param('id', UuidPipe) id: string) {
    return { items: await this.deliveries.forTicket(id) };
  }
}
