import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { STAFF_ROLES } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDeliveriesResponse } from './dto/webhook-delivery.response';

@ApiTags('webhooks')
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
