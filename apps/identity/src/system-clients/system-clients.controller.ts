import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { PageQuery } from '@crm/http';
import { apiClientRoutes } from '../partner-clients/api-client-routes';
import {
  CreateSystemClientDto,
  IssuedSystemClientDto,
  SystemClientDto,
  SystemClientPageDto,
} from './dto/system-client.dto';
import { SystemClientsService } from './system-clients.service';

const route = apiClientRoutes({
  noun: 'system client',
  registerSummary:
    'Register an API client for a back-office system with one system role; answers its secret once',
  listSummary: 'List system clients by client id',
  notFound: 'No such system client',
  issued: IssuedSystemClientDto,
  client: SystemClientDto,
  page: SystemClientPageDto,
});

/** API clients of back-office systems (billing, ERP), bound to no partner (ADR 0054); admins only. */
@ApiTags('system-clients')
@ApiBearerAuth()
@Controller('system-clients')
@Roles(R.admin)
export class SystemClientsController {
  constructor(private readonly clients: SystemClientsService) {}

  @route.register()
  create(@Body() body: CreateSystemClientDto) {
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
