import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { PageQuery } from '@crm/http';
import { apiClientRoutes } from './api-client-routes';
import { CreatePartnerClientDto } from './dto/create-partner-client.dto';
import { IssuedPartnerClientDto, PartnerClientDto, PartnerClientPageDto } from './dto/partner-client.dto';
import { PartnerClientsService } from './partner-clients.service';

const route = apiClientRoutes({
  noun: 'partner client',
  registerSummary: 'Register an API client for a dealer or repair station; answers its secret once',
  listSummary: 'List partner API clients by client id',
  notFound: 'No such client',
  issued: IssuedPartnerClientDto,
  client: PartnerClientDto,
  page: PartnerClientPageDto,
});

/** API clients acting for a dealer or repair station; admins only. */
@ApiTags('partner-clients')
@ApiBearerAuth()
@Controller('partner-clients')
@Roles(R.admin)
export class PartnerClientsController {
  constructor(private readonly clients: PartnerClientsService) {}

  @route.register()
  create(@Body() body: CreatePartnerClientDto) {
    return this.clients.create(body);
  }

  @route.list()
  list(@Query() query: PageQuery) {
    return this.clients.list(query.limit, query.offset);
  }

  @route.disable()
  disable(@Param('clientId') clientId: string) {
    return this.clients.setActive(clientId, false);
  }

  @route.enable()
  enable(@Param('clientId') clientId: string) {
    return this.clients.setActive(clientId, true);
  }

  @route.rotateSecret()
  rotateSecret(@Param('clientId') clientId: string) {
    return this.clients.rotateSecret(clientId);
  }
}
