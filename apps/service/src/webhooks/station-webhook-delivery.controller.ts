import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { PageQuery } from '@crm/http';
import { stationIdOf } from '../station-api/station-principal';
import { WebhookDeliveryPageResponse } from './dto/webhook-delivery.response';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';

/** The station portal's webhook log: what was sent to the calling station's URL and how each attempt went. */
@ApiTags('station')
@ApiBearerAuth()
@Controller('station/webhook-deliveries')
@Roles(R.repairStation)
export class StationWebhookDeliveryController {
  constructor(private readonly deliveries: WebhookDeliveryRepository) {}

  @Get()
  @ApiOperation({
    summary: 'Webhook notifications sent to the calling station, newest first, with every attempt',
  })
  @ApiOkResponse({ type: WebhookDeliveryPageResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() page: PageQuery) {
    const items = await this.deliveries.forStation(stationIdOf(principal), page);
    return { items, limit: page.limit, offset: page.offset };
  }
}
