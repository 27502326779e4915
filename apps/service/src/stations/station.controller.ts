import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartnerScoped, Roles } from '@crm/auth';
import { Roles as R, STAFF_ROLES } from '@crm/contracts';
import { NotFoundError } from '@crm/core';
import { UuidPipe } from '@crm/http';
import { PartnerScopes } from '../partner-scopes/partner-scopes';
import { RegisterWebhookDto } from './dto/register-webhook.dto';
import { StationWebhookService } from './station-webhook.service';
import { StationRepository } from './station.repository';
import { StationResponse, WebhookRegistrationResponse } from './dto/station.response';

@ApiTags('stations')
@ApiBearerAuth()
@Controller('stations')
export class StationController {
  constructor(
    private readonly webhooks: StationWebhookService,
    private readonly stations: StationRepository,
  ) {}

  @Get(':id')
  @Roles(...STAFF_ROLES, R.repairStation)
  @PartnerScoped(PartnerScopes.station)
  @ApiOperation({ summary: 'The station as the service app knows it, with its open-ticket count' })
  @ApiOkResponse({ type: StationResponse })
  async get(@Param('id', UuidPipe) id: string) {
    const station = await this.stations.findById(id);
    if (!station) throw new NotFoundError('station', id);
    return station;
  }

  @Put(':id/webhook')
  @Roles(R.admin, R.repairStation)
  @PartnerScoped(PartnerScopes.station)
  @ApiOperation({ summary: 'Register the URL notified of routed tickets; answers the signing secret once' })
  @ApiOkResponse({ type: WebhookRegistrationResponse })
  register(@Param('id', UuidPipe) id: string, @Body() body: RegisterWebhookDto) {
    return this.webhooks.register(id, body.url);
  }
}
