import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { ApiClientAdminRoutes } from '../partner-clients/api-client-routes';
import {
  CreateSystemClientDto,
  IssuedSystemClientDto,
  SystemClientDto,
  SystemClientPageDto,
} from './dto/system-client.dto';
import { SystemClientsService } from './system-clients.service';

const SystemClientRoutes = ApiClientAdminRoutes({
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
export class SystemClientsController extends SystemClientRoutes {
  constructor(protected readonly clients: SystemClientsService) {
    super();
  }

  @SystemClientRoutes.register()
  create(@Body() body: CreateSystemClientDto) {
    return this.clients.create(body);
  }
}
